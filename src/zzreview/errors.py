"""Errors that the CLI turns into one-line Chinese messages and exit 2."""


class ReadError(Exception):
    """A file that cannot be read as a draft. ``code`` is a stable ASCII id."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


class ConfigError(Exception):
    """Bad configuration or usage."""


class PluginError(Exception):
    """A check that could not be loaded or crashed; ``origin`` names the plugin or file."""

    def __init__(self, origin: str, message: str):
        super().__init__(f"{origin}：{message}")
        self.origin = origin
        self.message = message
