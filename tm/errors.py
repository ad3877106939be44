"""The one exception type the library raises for bad input.

The CLI turns every :class:`TmError` into a single line on stderr and a non-zero
exit; anything else is a bug and may show a traceback. Keeping one type (with a
precise message) is what lets every command promise "one clear line, never a
traceback" without wrapping each call site.
"""


class TmError(Exception):
    """Bad input or a failed operation the user can fix; the message is for humans."""

    exit_code = 1
