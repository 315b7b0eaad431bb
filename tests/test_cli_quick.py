"""The usual forms of check and render are read without argparse: they must mean the same."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from backmap import cli
from tests.example_plans import EXAMPLE

TOKENS = ["plan.toml", "other.toml", "--json", "-o", "out.md", "--output", "--format", "html", "md", "-h"]


def argparse_reading(args: list[str]) -> dict[str, object] | None:
    try:
        return vars(cli._command_parser().parse_args(args))
    except SystemExit:
        return None


@pytest.mark.parametrize("command", ["check", "render"])
def test_quick_reading_agrees_with_argparse(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    checked = 0
    for length in range(4):
        for rest in itertools.product(TOKENS, repeat=length):
            args = [command, *rest]
            quick = cli._quick_args(args)
            if quick is None:
                continue  # argparse reads it
            checked += 1
            assert vars(quick) == argparse_reading(args), args
    capsys.readouterr()
    assert checked > 0


def test_unusual_forms_go_to_argparse() -> None:
    for args in (
        ["check"],
        ["check", "--help"],
        ["check", "a.toml", "b.toml"],
        ["check", "--json", "--json", "a.toml"],
        ["render", "a.toml", "-o"],
        ["render", "a.toml", "--format", "pdf"],
        ["render", "a.toml", "--output=out.md"],
        ["check", "--", "a.toml"],
    ):
        assert cli._quick_args(args) is None, args


def test_errors_toml_is_read_only_when_something_goes_wrong(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plan that opens never reads the words for problems; a plan that does not, does."""
    from backmap import content

    read: list[str] = []
    real_load = content.load.__wrapped__  # past the cache, so every read is seen

    def load(name: str) -> dict[str, object]:
        read.append(name)
        return real_load(name)

    monkeypatch.setattr(content, "load", load)
    assert cli.main(["check", str(EXAMPLE)]) == cli.EXIT_OK
    assert cli.main(["render", str(EXAMPLE), "-o", str(tmp_path / "out.md")]) == cli.EXIT_OK
    assert "errors" not in read
    assert cli.main(["check", str(tmp_path / "missing.toml")]) == cli.EXIT_UNREADABLE
    assert "errors" in read
    assert "missing.toml" in capsys.readouterr().err
