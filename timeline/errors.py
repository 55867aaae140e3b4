"""The project's own exceptions: each carries a message a person can act on."""


class TimelineError(Exception):
    """Base of every error a user can cause; the CLI prints it, pages show it."""


class ArticleError(TimelineError):
    """An article file cannot be read (empty, binary, too large, undecodable)."""


class InputError(TimelineError):
    """Input to a command is malformed (bad JSON line, bad date, unknown option value)."""


class DataError(TimelineError):
    """A data file breaks the schema; the message names the file, row and field."""


class StoreError(TimelineError):
    """The local database of added and reviewed events cannot be read or written."""


class ExportError(TimelineError):
    """An export cannot be made (empty view, no browser for static charts)."""
