"""The override's rule agrees with the spec's own schema, on arbitrary bodies.

For every generated body (valid, rule-breaking, and with other fields mutated), the verdict of
``signalwire_sip.rule`` equals the verdict of a JSON Schema validator (Python's jsonschema, an
implementation independent of the mock's) running the spec's schema on the same handler/id
pair placed in an otherwise valid body. If the spec's rule changes and the override does not,
this fails.
"""

from __future__ import annotations

import uuid
from typing import Any

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from signalwire_sip.rule import rule_problem

from .helpers import create_body

PAIR = ("call_handler", "calling_handler_resource_id")
ABSENT = object()
CASES = 1200
SETTINGS = settings(
    max_examples=CASES,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


def validator(spec: dict[str, Any], name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        {"$ref": f"#/components/schemas/{name}", "components": spec["components"]},
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def handlers(spec: dict[str, Any]) -> list[str]:
    return list(spec["components"]["schemas"]["CallHandler"]["enum"])


def resource_ids() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.none(),
        st.uuids().map(str),
        st.uuids().map(lambda u: str(u).upper()),
        st.uuids().map(lambda u: u.hex),  # no dashes
        st.uuids().map(lambda u: "{" + str(u) + "}"),  # braces: Python's UUID() takes them
        st.uuids().map(lambda u: f"urn:uuid:{u}"),
        st.uuids().map(lambda u: str(u) + "\n"),
        st.uuids().map(lambda u: "\u0661" + str(u)[1:]),  # an Arabic-Indic digit
        st.text(max_size=40),
        st.integers(),
        st.booleans(),
        st.lists(st.uuids().map(str), max_size=1),
    )


def pairs(spec: dict[str, Any]) -> st.SearchStrategy[tuple[Any, Any]]:
    """(handler, resource id): half drawn to keep the rule, half arbitrary (absent included)."""
    names = handlers(spec)
    keeping = st.one_of(
        st.tuples(st.just("resource"), st.uuids().map(str)),
        st.tuples(
            st.sampled_from([h for h in names if h != "resource"]), st.none() | st.just(ABSENT)
        ),
    )
    arbitrary = st.tuples(st.sampled_from([*names, ABSENT]), resource_ids() | st.just(ABSENT))
    return keeping | arbitrary


def mutated_other_fields() -> st.SearchStrategy[dict[str, Any]]:
    """Fields besides the pair: valid, wrong, or unknown; the rule must not care."""
    junk = st.one_of(
        st.none(), st.integers(), st.text(max_size=8), st.lists(st.text(max_size=4), max_size=2)
    )
    return st.dictionaries(
        st.sampled_from(
            ["username", "caller_id", "send_as", "ciphers", "codecs", "encryption", "id", "extra"]
        ),
        junk,
        max_size=4,
    )


def place_pair(base: dict[str, Any], handler: Any, resource_id: Any) -> dict[str, Any]:
    body = {k: v for k, v in base.items() if k not in PAIR}
    if handler is not ABSENT:
        body["call_handler"] = handler
    if resource_id is not ABSENT:
        body["calling_handler_resource_id"] = resource_id
    return body


def test_create_rule_agrees_with_the_spec(spec: dict[str, Any]) -> None:
    schema = validator(spec, "SipCredentialCreate")
    seen = {"valid": 0, "broken": 0}

    @SETTINGS
    @given(pairs(spec), mutated_other_fields())
    def check(pair: tuple[Any, Any], others: dict[str, Any]) -> None:
        handler, resource_id = pair
        by_spec = schema.is_valid(place_pair(create_body(), handler, resource_id))
        by_override = rule_problem(place_pair(create_body(**others), handler, resource_id)) is None
        assert by_override == by_spec
        seen["valid" if by_spec else "broken"] += 1

    check()
    assert sum(seen.values()) >= 1000
    assert seen["valid"] >= 100 and seen["broken"] >= 100, seen


def test_update_rule_agrees_with_the_spec(spec: dict[str, Any]) -> None:
    schema = validator(spec, "SipCredentialUpdate")
    seen = {"valid": 0, "broken": 0}

    @SETTINGS
    @given(pairs(spec), mutated_other_fields())
    def check(pair: tuple[Any, Any], others: dict[str, Any]) -> None:
        handler, resource_id = pair
        by_spec = schema.is_valid(place_pair({}, handler, resource_id))
        by_override = rule_problem(place_pair(others, handler, resource_id), partial=True) is None
        assert by_override == by_spec
        seen["valid" if by_spec else "broken"] += 1

    check()
    assert sum(seen.values()) >= 1000
    assert seen["valid"] >= 100 and seen["broken"] >= 100, seen


def test_agreement_test_catches_a_rule_that_drifted(spec: dict[str, Any]) -> None:
    """The comparison has teeth: a spec whose rule lets `default` carry a resource id disagrees."""
    drifted = {
        **spec,
        "components": {**spec["components"], "schemas": dict(spec["components"]["schemas"])},
    }
    create = dict(drifted["components"]["schemas"]["SipCredentialCreate"])
    create["else"] = {"properties": {}}
    drifted["components"]["schemas"]["SipCredentialCreate"] = create
    body = create_body(call_handler="default", calling_handler_resource_id=str(uuid.uuid4()))
    assert validator(drifted, "SipCredentialCreate").is_valid(body)
    assert rule_problem(body) is not None
