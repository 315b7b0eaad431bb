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

SUBCOMMANDS = ("look-back", "check", "render", "story", "example")
FORMATS = ("md", "html", "docx", "poster")
# How each command is typed; what it does is in content/words.toml ([cli]).
_USAGE = {
    "look-back": "backmap look-back PLAN",
    "check": "backmap check PLAN",
    "render": "backmap render PLAN",
    "story": "backmap story PLAN",
    "example": "backmap example [PATH]",
}


def _words(key: str, **values: object) -> str:
    from backmap import content

    if key in ("story", "story_about"):  # the story's words live in story.toml
        return _story_words(key, **values)
    return content.word("cli", key, **values)


def _description() -> str:
    return f"{_words('about')}\n{_words('about_order')}"


def _epilog() -> str:
    commands = [f"  {_USAGE[name]:<24} {_words(name)}" for name in SUBCOMMANDS]
    return "\n".join(
        [
            _words("other_commands"),
            *commands,
            "",
            _words("more_help", command="backmap COMMAND --help"),
            _words("where_plans", folder=default_folder()),  # the folder in use, BACKMAP_DIR too
            _words("other_folder", option="--dir", variable="BACKMAP_DIR"),
        ]
    )


def _add_help(parser: argparse.ArgumentParser) -> None:
    """The -h option with our words, not argparse's."""
    parser.add_argument("-h", "--help", action="help", help=_words("help_help"))


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
        description=_description(),
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,
    )
    _add_help(parser)
    parser.add_argument("plan", nargs="?", help=_words("help_open"))
    parser.add_argument("--dir", metavar="DIR", help=_words("help_dir"))
    parser.add_argument("--plain", action="store_true", help=_words("help_plain"))
    parser.add_argument(
        "--version", action="version", version=f"backmap {__version__}", help=_words("help_version")
    )
    return parser


def _command_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog="backmap", add_help=False)
    _add_help(parser)
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str) -> argparse.ArgumentParser:
        made = sub.add_parser(name, help=_words(name), description=_words(f"{name}_about"), add_help=False)
        _add_help(made)
        return made

    look_back = command("look-back")
    look_back.add_argument("plan", help=_words("help_plan"))
    look_back.add_argument("--dir", metavar="DIR", help=_words("help_dir"))
    look_back.add_argument("--plain", action="store_true", help=_words("help_plain"))

    check = command("check")
    check.add_argument("plan", help=_words("help_plan"))
    check.add_argument("--json", action="store_true", help=_words("help_json"))

    render = command("render")
    render.add_argument("plan", help=_words("help_plan"))
    render.add_argument("-o", "--output", metavar="OUT", help=_words("help_output"))
    render.add_argument("--format", choices=FORMATS, default=None, help=_words("help_format"))

    story = command("story")
    story.add_argument("plan", help=_words("help_plan"))
    story.add_argument("-o", "--output", metavar="OUT", help=_story_words("help_output"))
    story.add_argument("--audio", action="store_true", help=_story_words("help_audio"))

    example = command("example")
    example.add_argument("path", nargs="?", default="day-centre.toml", help=_words("help_path"))
    example.add_argument("--force", action="store_true", help=_words("help_force"))
    return parser


def _error(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_UNREADABLE


def _cannot_write(target: Path, error: OSError) -> int:
    """A summary or an example that could not be written: which file, why, and what to do."""
    from backmap import content

    reason = error.strerror or error
    return _error(
        f"{content.problem('write', 'cannot_write', path=target, reason=reason)}\n"
        f"{content.problem('write', 'check_folder')}"
    )


def _load(path: str):  # -> Plan
    from backmap.core import store

    return store.load(path)


def cmd_check(args: argparse.Namespace | SimpleNamespace) -> int:
    from backmap import content
    from backmap.core import checks, store

    try:
        plan = _load(args.plan)
    except store.PlanError as error:
        return _error(str(error))
    folder = None
    if any(voice.photo for checkin in plan.checkins for voice in checkin.voices):
        from pathlib import Path  # only then: a plain check stays as quick as it was

        folder = Path(args.plan).parent  # photos are looked for beside the plan
    findings = checks.run(plan, folder=folder)
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

    from backmap import content
    from backmap.core import render, store

    try:
        plan = _load(args.plan)
    except store.PlanError as error:
        return _error(str(error))
    chosen = args.format
    if chosen is None:  # "-o plan.html" or "-o plan.docx" asks for that kind without --format
        output = (args.output or "").lower()
        chosen = (
            "html" if output.endswith((".html", ".htm")) else "docx" if output.endswith(".docx") else "md"
        )
    target = Path(args.output) if args.output else store.summary_path(args.plan, f".{chosen}")
    if chosen == "poster" and not args.output:  # beside the plan, never over its printable page
        target = store.summary_path(args.plan, ".html").with_name(f"{target.stem}-poster.html")
    if _is_plan_file(target, Path(args.plan)):
        refused = content.word("cli", "not_over_plan", path=target)
        return _error(f"{refused}\n{content.word('cli', 'choose_summary_name')}")
    try:
        if chosen == "docx":
            from backmap.core import word_copy

            word_copy.write(plan, target, Path(args.plan))
        else:
            if chosen == "html":  # the plan's path, so a quote's photo from its folder can be shown
                text = render.html(plan, Path(args.plan))
            else:
                text = {"poster": render.poster}.get(chosen, render.markdown)(plan)
            store.write_text_atomic(target, text)
    except OSError as error:
        return _cannot_write(target, error)
    print(content.word("cli", "wrote", path=target.absolute()))  # easy to find again
    return EXIT_OK


def _story_words(key: str, **values: object) -> str:
    from backmap import content

    text: str = content.load("story")["cli"][key]
    return text.format(**values) if values else text


def cmd_story(args: argparse.Namespace | SimpleNamespace) -> int:
    """The impact story beside the plan (both files), or in the one file -o names; --audio adds a WAV."""
    from pathlib import Path

    from backmap import content
    from backmap.core import store, story

    try:
        plan = _load(args.plan)
    except store.PlanError as error:
        return _error(str(error))
    if not story.has_story(plan):
        return _error(_story_words("no_look_back"))
    plan_path = Path(args.plan)
    targets = story.targets(plan_path)
    if args.output:
        chosen = Path(args.output)
        kind = "html" if chosen.name.lower().endswith((".html", ".htm")) else "md"
        if not chosen.name.lower().endswith((".html", ".htm", ".md")):
            return _error(_story_words("wrong_ending"))
        targets = [(chosen, kind)]
    for target, _ in targets:
        if _is_plan_file(target, plan_path):
            refused = content.word("cli", "not_over_plan", path=target)
            return _error(f"{refused}\n{_story_words('wrong_ending')}")
    written: list[Path] = []

    def wrote(target: Path) -> None:
        written.append(target)
        print(content.word("cli", "wrote", path=target.absolute()))  # easy to find again

    try:
        built = story.write(plan, plan_path, targets, wrote=wrote)
    except OSError as error:
        return _cannot_write(targets[len(written)][0], error)  # the first file not written whole
    if args.audio:
        from backmap.session import story_audio

        sound = targets[0][0].with_suffix(".wav")
        problem = story_audio.write(story.spoken_of(built), sound)
        if problem:
            return _error(problem)
        print(content.word("cli", "wrote", path=sound.absolute()))
    return EXIT_OK


# Files that hold a plan or its safety copies: a summary never goes there.
_PLAN_ENDINGS = (".toml", ".bak", ".draft", ".lock")


def _is_plan_file(target: Path, plan: Path) -> bool:
    """Whether writing a summary to target would write over a plan (or its backup, draft, lock)."""
    import tomllib

    if target.name.lower().endswith(_PLAN_ENDINGS):
        return True
    try:
        if os.path.samefile(target, plan):
            return True
        if not target.is_file() or target.stat().st_size > 1024 * 1024:
            return False
        data = tomllib.loads(target.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, tomllib.TOMLDecodeError, RecursionError):
        return False
    # A file of any name that reads as a plan is a plan (a summary is never TOML like this).
    return "schema_version" in data or "impact" in data


def cmd_example(args: argparse.Namespace) -> int:
    from importlib import resources
    from pathlib import Path

    from backmap import content
    from backmap.core import store

    target = Path(args.path)
    if target.exists() and not args.force:
        return _error(content.word("cli", "exists", path=target))
    text = resources.files("backmap").joinpath("examples/day-centre.toml").read_text(encoding="utf-8")
    try:
        store.write_text_atomic(target, text)
    except OSError as error:
        return _cannot_write(target, error)
    print(content.word("cli", "wrote", path=target.absolute()))  # easy to find again
    return EXIT_OK


# Options of the usual forms read without argparse: option -> (command, name, values),
# where values None means a flag, () any value and a tuple the only values allowed.
_QUICK_OPTIONS: dict[str, tuple[str, str, tuple[str, ...] | None]] = {
    "--json": ("check", "json", None),
    "-o": ("render", "output", ()),
    "--output": ("render", "output", ()),
    "--format": ("render", "format", FORMATS),
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
        values = {"command": command, "plan": None, "output": None, "format": None}
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


def cmd_look_back(args: argparse.Namespace | SimpleNamespace) -> int:
    """`backmap look-back PLAN`: the look-back interview on a plan that is there."""
    from pathlib import Path

    from backmap import content

    path = Path(args.plan).expanduser()
    if not path.is_file():
        return _error(content.word("look_back", "no_plan", path=path))
    folder = Path(args.dir).expanduser() if args.dir else default_folder()
    if args.plain:
        from backmap.plain_look_back import run_plain_look_back

        return run_plain_look_back(path, folder)
    from backmap.app import run_app

    return run_app(str(path), folder, look_back=True)


def _quick_interview_args(args_list: list[str]) -> SimpleNamespace | None:
    """`backmap` and `backmap PLAN`, read by hand: argparse would cost about 10 ms of start-up.

    Anything else (an option, help, a mistake) returns None, and argparse reads it.
    """
    if len(args_list) > 1 or (args_list and args_list[0].startswith("-")):
        return None
    return SimpleNamespace(plan=args_list[0] if args_list else None, dir=None, plain=False)


def main(argv: list[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else argv
    if args_list and args_list[0] in SUBCOMMANDS:
        args = _quick_args(args_list) or _command_parser().parse_args(args_list)
        handler = {
            "look-back": cmd_look_back,
            "check": cmd_check,
            "render": cmd_render,
            "story": cmd_story,
            "example": cmd_example,
        }[args.command]
        return handler(args)

    from pathlib import Path

    args = _quick_interview_args(args_list) or _interview_parser().parse_args(args_list)
    folder = Path(args.dir).expanduser() if args.dir else default_folder()
    if args.plain:
        from backmap.plain import run_plain

        return run_plain(args.plan, folder)
    from backmap.app import run_app

    return run_app(args.plan, folder)
