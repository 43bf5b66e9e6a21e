"""The options of ``zzreview check`` as data, generated from its typer definition in cli.py by
tools/update_check_options.py. Do not edit."""

CHECK_OPTIONS = [
    {'name': 'paths', 'argument': True, 'opts': ['paths'], 'secondary': [], 'flag': False, 'multiple': False, 'nargs': -1, 'required': True, 'convert': 'str', 'choices': None, 'min': None, 'default': None},
    {'name': 'format', 'argument': False, 'opts': ['--format', '-f'], 'secondary': [], 'flag': False, 'multiple': False, 'nargs': 1, 'required': False, 'convert': 'enum:Format', 'choices': ['text', 'json', 'sarif', 'github'], 'min': None, 'default': 'text'},
    {'name': 'output', 'argument': False, 'opts': ['--output', '-o'], 'secondary': [], 'flag': False, 'multiple': False, 'nargs': 1, 'required': False, 'convert': 'path', 'choices': None, 'min': None, 'default': None},
    {'name': 'as_of', 'argument': False, 'opts': ['--as-of'], 'secondary': [], 'flag': False, 'multiple': False, 'nargs': 1, 'required': False, 'convert': 'str', 'choices': None, 'min': None, 'default': None},
    {'name': 'fail_on', 'argument': False, 'opts': ['--fail-on'], 'secondary': [], 'flag': False, 'multiple': False, 'nargs': 1, 'required': False, 'convert': 'enum:FailOn', 'choices': ['error', 'warning', 'info', 'never'], 'min': None, 'default': None},
    {'name': 'select', 'argument': False, 'opts': ['--select'], 'secondary': [], 'flag': False, 'multiple': True, 'nargs': 1, 'required': False, 'convert': 'str', 'choices': None, 'min': None, 'default': None},
    {'name': 'ignore', 'argument': False, 'opts': ['--ignore'], 'secondary': [], 'flag': False, 'multiple': True, 'nargs': 1, 'required': False, 'convert': 'str', 'choices': None, 'min': None, 'default': None},
    {'name': 'config', 'argument': False, 'opts': ['--config'], 'secondary': [], 'flag': False, 'multiple': False, 'nargs': 1, 'required': False, 'convert': 'path', 'choices': None, 'min': None, 'default': None},
    {'name': 'kb_table', 'argument': False, 'opts': ['--kb-table'], 'secondary': [], 'flag': False, 'multiple': True, 'nargs': 1, 'required': False, 'convert': 'path', 'choices': None, 'min': None, 'default': None},
    {'name': 'stdin_filename', 'argument': False, 'opts': ['--stdin-filename'], 'secondary': [], 'flag': False, 'multiple': False, 'nargs': 1, 'required': False, 'convert': 'str', 'choices': None, 'min': None, 'default': None},
    {'name': 'progress', 'argument': False, 'opts': ['--progress'], 'secondary': ['--no-progress'], 'flag': True, 'multiple': False, 'nargs': 1, 'required': False, 'convert': 'bool', 'choices': None, 'min': None, 'default': None},
    {'name': 'write_decisions', 'argument': False, 'opts': ['--write-decisions'], 'secondary': [], 'flag': True, 'multiple': False, 'nargs': 1, 'required': False, 'convert': 'bool', 'choices': None, 'min': None, 'default': False},
    {'name': 'reason', 'argument': False, 'opts': ['--reason'], 'secondary': [], 'flag': False, 'multiple': False, 'nargs': 1, 'required': False, 'convert': 'str', 'choices': None, 'min': None, 'default': None},
    {'name': 'by', 'argument': False, 'opts': ['--by'], 'secondary': [], 'flag': False, 'multiple': False, 'nargs': 1, 'required': False, 'convert': 'str', 'choices': None, 'min': None, 'default': ''},
    {'name': 'jobs', 'argument': False, 'opts': ['--jobs', '-j'], 'secondary': [], 'flag': False, 'multiple': False, 'nargs': 1, 'required': False, 'convert': 'int', 'choices': None, 'min': 0, 'default': None},
]
