"""A property the spec marks writeOnly (a password) never shows in repr() or str() of its
generated model, while to_dict(), from_dict() and == still carry it (issue #23).

The mechanism is openapi/templates/model.py.jinja; these tests read the spec, so that a new
writeOnly property is held to the same rule with no change here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import openapi_python_client
import pytest
import yaml

from signalwire_sip_client import models
from signalwire_sip_client.models import (
    SipCredentialCreate,
    SipCredentialUpdate,
    SubscriberSipCredentialCreate,
    SubscriberSipCredentialUpdate,
)

from .helpers import ROOT, SPEC_PATH

SECRET = "Pw-Secret-7"
TEMPLATE = ROOT / "openapi" / "templates" / "model.py.jinja"
GENERATORS_TEMPLATE = Path(openapi_python_client.__file__).parent / "templates" / "model.py.jinja"
# The four request bodies that carry a password, each built the least way it can be.
BODIES: list[tuple[type[Any], dict[str, Any]]] = [
    (SipCredentialCreate, {"username": "alice"}),
    (SipCredentialUpdate, {}),
    (SubscriberSipCredentialCreate, {"username": "bob-laptop"}),
    (SubscriberSipCredentialUpdate, {}),
]


@pytest.mark.parametrize(("model", "fields"), BODIES, ids=[m.__name__ for m, _ in BODIES])
def test_the_password_is_left_out_of_repr_and_str_only(
    model: type[Any], fields: dict[str, Any]
) -> None:
    body = model(password=SECRET, **fields)
    assert SECRET not in repr(body)
    assert SECRET not in str(body)
    assert repr(body).startswith(f"{model.__name__}(")  # the rest of the repr is still there
    # What goes on the wire and comes back is whole: the password is sent and read.
    assert body.to_dict()["password"] == SECRET
    assert model.from_dict(body.to_dict()) == body
    # Equality still looks at the password (repr=False only, not eq=False).
    assert model(password="another", **fields) != body


def _resolve(document: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in node:
        target: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def write_only_properties(document: Mapping[str, Any]) -> Iterator[tuple[str, str, bool]]:
    """(schema, property, marked where declared) for every property of the spec's component
    schemas that is writeOnly, either where it is declared or in the schema its $ref names."""
    for schema_name, schema in document["components"]["schemas"].items():
        for name, node in (schema.get("properties") or {}).items():
            declared = bool(node.get("writeOnly"))
            if declared or _resolve(document, node).get("writeOnly"):
                yield schema_name, name, declared


def schema_examples(schema: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return list(schema.get("examples") or [])


def test_every_write_only_property_of_the_spec_is_hidden_from_its_models_repr() -> None:
    document = yaml.safe_load(SPEC_PATH.read_text())
    found = list(write_only_properties(document))
    # The four passwords at least: the walk cannot pass by finding nothing.
    passwords = {(model.__name__, "password") for model, _ in BODIES}
    assert passwords <= {(s, p) for s, p, _ in found}, found
    for schema_name, name, declared in found:
        # The generator keeps a property's own keywords, not its $ref target's: the template can
        # only honour the mark where the property is declared (openapi/sip-credentials.yaml).
        assert declared, (
            f"{schema_name}.{name} is writeOnly through its $ref only: "
            "repeat `writeOnly: true` beside the $ref, or its model's repr() shows it"
        )
        model = getattr(models, schema_name)
        field = attrs.fields_dict(model)[name]
        assert field.repr is False, f"{schema_name}.{name} is in repr()"
        for example in schema_examples(document["components"]["schemas"][schema_name]):
            body = attrs.evolve(model.from_dict(example), **{name: SECRET})
            assert SECRET not in repr(body) and body.to_dict()[name] == SECRET


def test_no_other_property_is_hidden() -> None:
    """repr=False goes to writeOnly properties only: a debug print still shows the rest."""
    document = yaml.safe_load(SPEC_PATH.read_text())
    secret = {(s, p) for s, p, _ in write_only_properties(document)}
    for schema_name, schema in document["components"]["schemas"].items():
        model = getattr(models, schema_name, None)
        if model is None or not attrs.has(model):
            continue
        for name in schema.get("properties") or {}:
            field = attrs.fields_dict(model).get(name)
            if field is not None:
                assert field.repr is ((schema_name, name) not in secret), (schema_name, name)


DECLARE_PROPERTY = re.compile(r"{% macro declare_property\(property\) %}.*?{% endmacro %}", re.S)
# The second change: the API's names beside the generator's (#26), a macro and its one call.
SPEC_NAMES = re.compile(
    r"{% macro spec_names\(model\) %}.*?{% endmacro %}\n\n|{{ spec_names\(model\) }}\n", re.S
)


def test_the_template_overrides_only_the_generators_declare_property_macro() -> None:
    """openapi/templates/model.py.jinja is the pinned generator's own but for one macro, so a
    generator upgrade that changes the rest fails here instead of being silently undone."""
    ours, theirs = SPEC_NAMES.sub("", TEMPLATE.read_text()), GENERATORS_TEMPLATE.read_text()
    assert len(SPEC_NAMES.findall(TEMPLATE.read_text())) == 2
    assert len(DECLARE_PROPERTY.findall(ours)) == len(DECLARE_PROPERTY.findall(theirs)) == 1
    assert DECLARE_PROPERTY.sub("", ours) == DECLARE_PROPERTY.sub("", theirs)
    # No other template is overridden but types.py.jinja (below; LICENSE: the generator's,
    # which its copies must carry).
    assert sorted(p.name for p in TEMPLATE.parent.iterdir()) == [
        "LICENSE",
        "model.py.jinja",
        "types.py.jinja",
    ]


UNSET_CLASS = re.compile(r"^class Unset:\n.*?\n\n\n", re.S | re.M)


def test_the_types_template_changes_only_how_unset_reads() -> None:
    """openapi/templates/types.py.jinja is the generator's own but for the Unset class, which
    reads ``<not set>`` in a repr instead of ``<...Unset object at 0x...>`` (#26)."""
    ours = (TEMPLATE.parent / "types.py.jinja").read_text()
    theirs = (GENERATORS_TEMPLATE.parent / "types.py.jinja").read_text()
    assert len(UNSET_CLASS.findall(ours)) == len(UNSET_CLASS.findall(theirs)) == 1
    assert UNSET_CLASS.sub("", ours) == UNSET_CLASS.sub("", theirs)
