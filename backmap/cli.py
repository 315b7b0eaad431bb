"""The command line. Heavy parts (Textual, Jinja) load only when a command needs them.

`backmap check` must cost little more than starting Python (see bench/), so the usual
forms of `check` and `render` are read without argparse, and argparse, json and
pathlib are imported only where they are needed.
"""

from __future__ import annotations

import os
import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING

from backmap import __version__

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2

_DESCRIPTION = """\
Plan the impact of a co-production project, one easy question at a time.
You start with the impact, then the stepping stones, then the activities."""

_EPILOG = """\
other commands:
  backmap check PLAN       look for gaps in a plan
  backmap render PLAN      write the easy-read summary of a plan
  backmap example [PATH]   write the worked example plan (a day centre)

Use "backmap COMMAND --help" to learn more about a command.
Plans are kept in ~/Documents/backmap, or in --dir, or in BACKMAP_DIR."""

SUBCOMMANDS = ("check", "render", "example")


def default_folder() -> Path:
    """Where plans live: BACKMAP_DIR, or a folder people can find in Documents."""
    from pathlib import Path

    env = os.environ.get("BACKMAP_DIR")
    if env:
        return Path(env).expanduser()
    return Path.home() / "Documents" / "backmap"


def _interview_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="backmap",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("plan", nargs="?", help="a plan file to open (made if it is not there)")
    parser.add_argument("--dir", metavar="DIR", help="the folder for plans")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="ask the questions as plain lines of text (for screen readers and pipes)",
    )
    parser.add_argument("--version", action="version", version=f"backmap {__version__}")
    return parser


def _command_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog="backmap")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="look for gaps in a plan", description="Look for gaps in a plan.")
    check.add_argument("plan", help="the plan file")
    check.add_argument("--json", action="store_true", help="print the findings as JSON")

    render = sub.add_parser(
        "render", help="write the summary", description="Write the easy-read summary of a plan."
    )
    render.add_argument("plan", help="the plan file")
    render.add_argument("-o", "--output", metavar="OUT", help="where to write (default: beside the plan)")
    render.add_argument(
        "--format",
        choices=("md", "html"),
        default="md",
        help="md: Markdown (the default); html: one page to keep and print, that needs no internet",
    )

    example = sub.add_parser(
        "example",
        help="write the worked example",
        description="Write the worked example plan: a new day centre.",
    )
    example.add_argument("path", nargs="?", default="day-centre.toml", help="where to write it")
    example.add_argument("--force", action="store_true", help="write over a file that is there")
    return parser


def _error(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_UNREADABLE


def _load(path: str):  # -> Plan
    from backmap import store

    return store.load(path)


def cmd_check(args: argparse.Namespace | SimpleNamespace) -> int:
    from backmap import checks, content, store

    try:
        plan = _load(args.plan)
    except store.PlanError as error:
        return _error(str(error))
    findings = checks.run(plan)
    if args.json:
        import json

        print(json.dumps([f.as_json() for f in findings], indent=2, ensure_ascii=False))
    elif findings:
        for finding in findings:
            print(finding.message)
    else:
        print(content.word("cli", "no_gaps"))
    return EXIT_FINDINGS if findings else EXIT_OK


def cmd_render(args: argparse.Namespace | SimpleNamespace) -> int:
    from pathlib import Path

    from backmap import content, render, store

    try:
        plan = _load(args.plan)
    except store.PlanError as error:
        return _error(str(error))
    target = Path(args.output) if args.output else store.summary_path(args.plan, f".{args.format}")
    text = render.html(plan) if args.format == "html" else render.markdown(plan)
    try:
        store.write_text_atomic(target, text)
    except OSError as error:
        return _error(f"Cannot write {target}. {error.strerror or error}. Check the folder.")
    print(content.word("cli", "wrote", path=target))
    return EXIT_OK


def cmd_example(args: argparse.Namespace) -> int:
    from importlib import resources
    from pathlib import Path

    from backmap import content, store

    target = Path(args.path)
    if target.exists() and not args.force:
        return _error(content.word("cli", "exists", path=target))
    text = resources.files("backmap").joinpath("examples/day-centre.toml").read_text(encoding="utf-8")
    try:
        store.write_text_atomic(target, text)
    except OSError as error:
        return _error(f"Cannot write {target}. {error.strerror or error}. Check the folder.")
    print(content.word("cli", "wrote", path=target))
    return EXIT_OK


# Options of the usual forms read without argparse: option -> (command, name, values),
# where values None means a flag, () any value and a tuple the only values allowed.
_QUICK_OPTIONS: dict[str, tuple[str, str, tuple[str, ...] | None]] = {
    "--json": ("check", "json", None),
    "-o": ("render", "output", ()),
    "--output": ("render", "output", ()),
    "--format": ("render", "format", ("md", "html")),
}


def _quick_args(args_list: list[str]) -> SimpleNamespace | None:
    """`check PLAN [--json]` and `render PLAN [-o OUT] [--format md|html]`, read by hand.

    Importing and building argparse parsers costs more than the whole of a quick
    `check` may spend. Anything else (help, a mistake, an unusual form) returns None,
    and argparse reads it, with its usual help and error messages.
    """
    command, rest = args_list[0], args_list[1:]
    if command == "check":
        values: dict[str, object] = {"command": command, "plan": None, "json": False}
    elif command == "render":
        values = {"command": command, "plan": None, "output": None, "format": "md"}
    else:
        return None
    seen: set[str] = set()
    position = 0
    while position < len(rest):
        token = rest[position]
        option = _QUICK_OPTIONS.get(token)
        if option is None or option[0] != command:
            if token.startswith("-") or values["plan"] is not None:
                return None
            values["plan"] = token
        else:
            _, name, allowed = option
            if name in seen:
                return None
            seen.add(name)
            if allowed is None:
                values[name] = True
            else:
                position += 1
                value = rest[position] if position < len(rest) else "-"
                if value.startswith("-") or (allowed and value not in allowed):
                    return None
                values[name] = value
        position += 1
    return SimpleNamespace(**values) if values["plan"] is not None else None


def main(argv: list[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else argv
    if args_list and args_list[0] in SUBCOMMANDS:
        args = _quick_args(args_list) or _command_parser().parse_args(args_list)
        handler = {"check": cmd_check, "render": cmd_render, "example": cmd_example}[args.command]
        return handler(args)

    from pathlib import Path

    args = _interview_parser().parse_args(args_list)
    folder = Path(args.dir).expanduser() if args.dir else default_folder()
    if args.plain:
        from backmap.plain import run_plain

        return run_plain(args.plan, folder)
    from backmap.app import run_app

    return run_app(args.plan, folder)
