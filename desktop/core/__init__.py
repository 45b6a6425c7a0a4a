"""The base every layer shares, Qt-free: errors, message translation, settings and the data
folder, logging, the vocabularies' labels, the office's time zone, whole-or-nothing file writes."""
