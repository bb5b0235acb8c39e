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


class DataError(EvidencekitError):
    """Study data (CSV for meta-analysis, …) that does not fit what was asked."""

    code = "data_error"
