"""Use cases and rules. Each function takes the caller's `Session` (one transaction per user
action) and a `Context` (who, which device, which clock); none of them imports Qt."""
