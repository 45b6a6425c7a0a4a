"""The `mufakat` command: the parser and the headless commands (commands.py), the survey's
commands (survey.py), the data folder's own commands (data_folder.py), and what they share."""
