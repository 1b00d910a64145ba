"""App code reads every field of every public model importing from ``signalwire_sip`` alone
(#26): each type a field's annotation names is exported there (``Unset`` included, which reads
``<not set>``), and ``mypy --strict`` accepts an app that reads them all."""

from __future__ import annotations

import datetime
import subprocess
import sys
import types
import typing
import uuid
from pathlib import Path
from typing import Any, get_args, get_origin

import attrs
import pytest

import signalwire_sip
from signalwire_sip_client import models

from .helpers import ROOT

PUBLIC = {name: getattr(signalwire_sip, name) for name in signalwire_sip.__all__}
MODELS = {name: kind for name, kind in PUBLIC.items() if attrs.has(kind)}
PLAIN = {str, int, float, bool, bytes, type(None), datetime.datetime, uuid.UUID, Any}


def _named_types(annotation: Any) -> set[Any]:
    """The classes an annotation names, at any depth (``list[Codec] | Unset`` → Codec, Unset)."""
    origin = get_origin(annotation)
    if origin is None:
        return {annotation}
    found: set[Any] = set()
    if origin not in (typing.Union, types.UnionType):
        found.add(origin)
    for argument in get_args(annotation):
        found |= _named_types(argument)
    return found


def test_the_models_are_found() -> None:
    assert {"SipCredential", "SipCredentialPage", "SipCredentialCreate"} <= set(MODELS)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_field_type_of_a_public_model_is_exported(name: str) -> None:
    kind = MODELS[name]
    # The generated modules import their neighbours only for type checking: resolve the names
    # in the models package's namespace.
    namespace = vars(sys.modules[kind.__module__]) | vars(models)
    hints = typing.get_type_hints(kind, namespace)
    named = set().union(*(_named_types(hints[f.name]) for f in attrs.fields(kind)))
    exported = set(PUBLIC.values())
    strays = {t for t in named - PLAIN - exported if t not in (list, dict)}
    assert not strays, f"{name}: {sorted(map(str, strays))} are not exported by signalwire_sip"


@pytest.mark.parametrize("name", sorted(MODELS))
def test_a_field_the_generator_renamed_reads_by_the_apis_name_too(name: str) -> None:
    kind = MODELS[name]
    renamed = [f.name for f in attrs.fields(kind) if f.name.endswith("_")]
    for field in renamed:
        api_name = field[:-1]
        assert isinstance(getattr(kind, api_name, None), property), f"{name}.{api_name}"
    if name == "SipCredentialPageLinks":
        links = signalwire_sip.SipCredentialPageLinks.from_dict(
            {"self": "a", "first": "b", "next": "c"}
        )
        assert (links.self, links.next) == ("a", "c")
        links.next = "d"
        assert links.next_ == "d" and links.to_dict()["next"] == "d"


def test_unset_reads_well_and_is_falsy() -> None:
    assert repr(signalwire_sip.UNSET) == "<not set>" and not signalwire_sip.UNSET
    update = signalwire_sip.SipCredentialUpdate(username="a")
    assert "object at 0x" not in repr(update) and "<not set>" in repr(update)


APP = """
from signalwire_sip import UNSET, SipCredential, SipCredentialPage, Unset


def caller_id(credential: SipCredential) -> str:
    value = credential.caller_id
    return "none" if value is None or isinstance(value, Unset) else value


def names(page: SipCredentialPage) -> list[str]:
    following = page.links.next
    more = "" if following is UNSET or following is None else str(following)
    return [c.type + c.username for c in page.data] + [more]
"""


@pytest.mark.slow
def test_mypy_strict_accepts_an_app_that_imports_only_signalwire_sip(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text(APP)
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(app)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stdout
