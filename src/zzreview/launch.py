"""The ``zzreview`` entry point. ``zzreview check`` with plain options (the pre-commit hook's case)
runs without importing typer and click, which cost about 45 ms, a third of a hook run; anything
else — help, another command, an option value typer would reject, ``--opt`` forms not handled
here — goes to the typer application in cli.py, which stays the only definition of the command
line: the options read here are generated from it (check_options.py)."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        _main()
    finally:
        # The process ends here. Its objects are put out of the cyclic collector's sight so that the
        # interpreter's last collections at exit do not walk them all (~15 ms of a hook run); the
        # memory goes back to the system with the process, as it would anyway.
        import gc

        gc.freeze()


def _main() -> None:
    for stream in (sys.stdout, sys.stderr):  # file names that are not valid UTF-8 stay printable
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):
            pass
    try:
        options = parse_check(sys.argv[1:])
        if options is None:
            from zzreview.cli import app

            app(prog_name="zzreview")
        else:
            _run_check(options)
    except RecursionError:
        sys.stderr.write("zzreview: 输入嵌套过深，无法处理\n")
        sys.exit(2)
    except MemoryError:
        sys.stderr.write("zzreview: 内存不足：输入过大\n")
        sys.exit(2)


def _run_check(options: dict) -> None:
    """Run the command as click's standalone mode does: Ctrl-C prints Aborted! and exits 1, a closed
    pipe exits 1 quietly."""
    import errno

    from zzreview.check_command import run_check

    try:
        run_check(**options)
    except KeyboardInterrupt:
        sys.stderr.write("\nAborted!\n")
        sys.exit(1)
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        import os

        sys.stdout = sys.stderr = open(os.devnull, "w")  # nothing more reaches the closed pipe
        sys.exit(1)


def parse_check(argv: list[str]) -> dict | None:
    """The arguments of ``check`` converted as typer converts them, or None when typer must parse
    them (not ``check``, unknown or malformed options, values typer would refuse)."""
    if not argv or argv[0] != "check":
        return None
    from zzreview.check_options import CHECK_OPTIONS

    by_opt = {o: (p, True) for p in CHECK_OPTIONS for o in p["opts"] if not p["argument"]}
    by_opt.update({o: (p, False) for p in CHECK_OPTIONS for o in p["secondary"]})
    given: dict[str, list] = {}
    positional: list[str] = []
    args, i = argv[1:], 0
    while i < len(args):
        token = args[i]
        i += 1
        if token == "--":
            positional.extend(args[i:])
            break
        if not token.startswith("-") or token == "-":
            positional.append(token)
            continue
        name, attached = token, None
        if token.startswith("--"):
            if "=" in token:
                name, attached = token.split("=", 1)
        elif len(token) > 2:
            name, attached = token[:2], token[2:]
        if name not in by_opt:
            return None
        param, on = by_opt[name]
        if param["flag"]:
            if attached is not None:
                return None
            value = on
        elif attached is not None:
            value = attached
        elif i < len(args) and not (args[i].startswith("-") and args[i] != "-"):
            value = args[i]
            i += 1
        else:
            return None  # a missing value, or one that looks like an option: typer's message
        given.setdefault(param["name"], []).append(value)
    options: dict = {}
    for p in CHECK_OPTIONS:
        if p["argument"]:
            if p["required"] and not positional:
                return None
            values = positional
        else:
            values = given.get(p["name"])
        if not values:
            options[p["name"]] = _convert(p, p["default"]) if p["default"] is not None else None
            continue
        converted = [_convert(p, v) for v in values]
        if any(v is _INVALID for v in converted):
            return None
        options[p["name"]] = converted if p["multiple"] or p["argument"] else converted[-1]
    return options


_INVALID = object()


def _convert(param: dict, value):
    """One value as typer hands it to the command; _INVALID where typer would print an error."""
    if param["flag"] or value is None:
        return value
    kind = param["convert"]
    if param["choices"] is not None and value not in param["choices"]:
        return _INVALID
    if kind == "str":
        return value
    if kind == "path":
        if not value:
            return _INVALID
        from pathlib import Path

        return Path(value)
    if kind == "int":
        try:
            number = int(value)
        except ValueError:
            return _INVALID
        return number if param["min"] is None or number >= param["min"] else _INVALID
    if kind.startswith("enum:"):
        from zzreview import cli_common

        return getattr(cli_common, kind[5:])(value)
    return _INVALID
