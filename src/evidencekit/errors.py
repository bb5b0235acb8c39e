"""One family of named exceptions, caught only at boundaries (CLI, batch ingest).

``code`` goes to ``documents[].error.code`` of the contract; the message says what to do.
"""


class EvidencekitError(Exception):
    """Base of every error evidencekit raises on purpose."""

    code = "error"


class InputError(EvidencekitError):
    """A file that cannot be read as a paper."""

    code = "unreadable"


class FileNotFound(InputError):
    code = "not_found"


class UnsupportedFormat(InputError):
    code = "unsupported_format"


class EmptyDocument(InputError):
    code = "empty"


class UnreadablePdf(InputError):
    code = "unreadable_pdf"


class EncryptedPdf(InputError):
    code = "encrypted_pdf"


class NoTextLayer(InputError):
    code = "no_text_layer"


class TooManyPages(InputError):
    code = "too_many_pages"


class Timeout(InputError):
    code = "timeout"


class BinaryText(InputError):
    code = "binary_text"


class NulBytes(InputError):
    """A "text" file with NUL bytes (a binary or UTF-16 file without byte-order mark)."""

    code = "nul_bytes"


class NotUtf8Text(InputError):
    """A text file in another encoding (Latin-1, Windows-1252, ...)."""

    code = "not_utf8"


class NotAPdf(InputError):
    """A file named .pdf that does not start with a PDF header."""

    code = "not_pdf"


class TruncatedPdf(InputError):
    """A PDF cut short (no end-of-file marker, broken cross-reference table)."""

    code = "truncated_pdf"


class FileTooLarge(InputError):
    """A file bigger than the per-file byte limit."""

    code = "too_large"


class DataError(EvidencekitError):
    """Study data (CSV for meta-analysis, …) that does not fit what was asked."""

    code = "data_error"
