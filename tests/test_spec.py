"""The spec: valid OpenAPI 3.1, examples that validate, and the rule written into its schemas."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from openapi_spec_validator import validate

from signalwire_sip_mock.spec import body_problems, build_routes

from .helpers import SPEC_PATH, create_body


def schema_validator(spec: dict[str, Any], ref: dict[str, Any]) -> jsonschema.Draft202012Validator:
    """A Python-jsonschema validator for REF with the spec's components (an independent implementation)."""
    return jsonschema.Draft202012Validator(
        {**ref, "components": spec["components"]},
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def named(spec: dict[str, Any], name: str) -> jsonschema.Draft202012Validator:
    return schema_validator(spec, {"$ref": f"#/components/schemas/{name}"})


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def media_examples(
    spec: dict[str, Any],
) -> Iterator[tuple[str, dict[str, Any], Any, dict[str, Any]]]:
    """(where, schema, example value, example object) for every request and response example."""
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if not isinstance(operation, dict):
                continue
            bodies = []
            if "requestBody" in operation:
                bodies.append(("request", resolve(spec, operation["requestBody"])))
            bodies += [(status, resolve(spec, r)) for status, r in operation["responses"].items()]
            for where, holder in bodies:
                for media in holder.get("content", {}).values():
                    label = f"{method.upper()} {path} {where}"
                    if "example" in media:
                        yield label, media["schema"], media["example"], {}
                    for name, example in media.get("examples", {}).items():
                        example = resolve(spec, example)
                        yield f"{label} {name}", media["schema"], example["value"], example


def test_spec_is_valid_openapi_31(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_every_operation_has_the_signalwire_id_summary_and_description(
    spec: dict[str, Any],
) -> None:
    ids = {
        op["operationId"]
        for item in spec["paths"].values()
        for op in item.values()
        if isinstance(op, dict)
    }
    assert ids == {
        "list_sip_credentials",
        "create_sip_credential",
        "get_sip_credential",
        "update_sip_credential",
        "delete_sip_credential",
        "list_sip_credential_addresses",
        "assign_resource_to_sip_credential",
        "list_subscriber_sip_credentials",
        "create_subscriber_sip_credential",
        "get_subscriber_sip_credential",
        "update_subscriber_sip_credential",
        "delete_subscriber_sip_credential",
        "list_fabric_resources",
        "list_subscribers",
    }
    for item in spec["paths"].values():
        for op in (o for o in item.values() if isinstance(o, dict)):
            assert op["summary"] and op["description"] and op["tags"]


def test_every_schema_example_validates(spec: dict[str, Any]) -> None:
    checked = 0
    for name, schema in spec["components"]["schemas"].items():
        assert schema.get("examples"), f"schema {name} has no examples"
        for example in schema["examples"]:
            named(spec, name).validate(example)
            checked += 1
    assert checked >= len(spec["components"]["schemas"])


def test_every_operation_example_validates(spec: dict[str, Any]) -> None:
    seen = list(media_examples(spec))
    assert len(seen) >= 10
    for where, schema, value, _ in seen:
        errors = list(schema_validator(spec, schema).iter_errors(value))
        assert not errors, f"{where}: {errors[0].message}"


def test_every_parameter_example_validates(spec: dict[str, Any]) -> None:
    for name, parameter in spec["components"]["parameters"].items():
        assert schema_validator(spec, parameter["schema"]).is_valid(parameter["example"]), name


def test_each_422_example_is_what_the_mock_answers_for_its_request(spec: dict[str, Any]) -> None:
    """A 422 example names the body that causes it; that body breaks the schema, and the mock's
    validator (built from the same spec) reports exactly the example's items."""
    create = next(
        op
        for r in build_routes(spec)
        for op in r.operations.values()
        if op.operation_id == "create_sip_credential"
    )
    examples = resolve(spec, spec["components"]["responses"]["ValidationFailed"])["content"][
        "application/json"
    ]["examples"]
    assert {"resource-without-id", "id-without-resource"} <= set(examples)
    for name, example in examples.items():
        body = example["x-request-body"]
        assert not named(spec, "SipCredentialCreate").is_valid(body), name
        answered = [(i.type, i.code, i.attribute, i.message) for i in body_problems(create, body)]
        expected = [
            (i["type"], i["code"], i["attribute"], i["message"]) for i in example["value"]["errors"]
        ]
        assert answered == expected, name


@pytest.mark.parametrize(
    ("handler", "resource_id"),
    [
        ("resource", None),
        ("default", "5f0c2d8e-1b7a-4c3e-9d6f-8a2b4c6d8e0f"),
        ("passthrough", "5f0c2d8e-1b7a-4c3e-9d6f-8a2b4c6d8e0f"),
        ("block-pstn", "5f0c2d8e-1b7a-4c3e-9d6f-8a2b4c6d8e0f"),
    ],
)
def test_the_schema_refuses_rule_breaking_create_bodies_at_the_resource_id(
    spec: dict[str, Any], handler: str, resource_id: str | None
) -> None:
    body = create_body(call_handler=handler, calling_handler_resource_id=resource_id)
    errors = list(named(spec, "SipCredentialCreate").iter_errors(body))
    assert [list(e.absolute_path) for e in errors] == [["calling_handler_resource_id"]]
    assert errors[0].absolute_schema_path[0] in ("then", "else")


def test_the_schema_accepts_rule_keeping_create_bodies(spec: dict[str, Any]) -> None:
    validator = named(spec, "SipCredentialCreate")
    validator.validate(
        create_body(
            call_handler="resource",
            calling_handler_resource_id="5f0c2d8e-1b7a-4c3e-9d6f-8a2b4c6d8e0f",
        )
    )
    for handler in ("default", "passthrough", "block-pstn"):
        validator.validate(create_body(call_handler=handler, calling_handler_resource_id=None))


@pytest.mark.parametrize(
    ("body", "valid"),
    [
        ({}, True),
        ({"caller_id": "x"}, True),
        ({"call_handler": "default"}, True),
        ({"call_handler": "default", "calling_handler_resource_id": None}, True),
        (
            {
                "call_handler": "resource",
                "calling_handler_resource_id": "5f0c2d8e-1b7a-4c3e-9d6f-8a2b4c6d8e0f",
            },
            True,
        ),
        ({"call_handler": "resource"}, False),
        ({"call_handler": "resource", "calling_handler_resource_id": None}, False),
        (
            {
                "call_handler": "block-pstn",
                "calling_handler_resource_id": "5f0c2d8e-1b7a-4c3e-9d6f-8a2b4c6d8e0f",
            },
            False,
        ),
        # A resource id alone is left to the server (it depends on the stored handler).
        ({"calling_handler_resource_id": None}, True),
        ({"calling_handler_resource_id": "5f0c2d8e-1b7a-4c3e-9d6f-8a2b4c6d8e0f"}, True),
        ({"calling_handler_resource_id": "not-a-uuid"}, False),
    ],
)
def test_the_update_schema_judges_what_the_body_alone_decides(
    spec: dict[str, Any], body: dict[str, Any], valid: bool
) -> None:
    assert named(spec, "SipCredentialUpdate").is_valid(body) is valid


def test_response_enums_are_open_and_the_rule_binds_outbound_handlers(spec: dict[str, Any]) -> None:
    validator = named(spec, "SipCredential")
    record = dict(spec["components"]["examples"]["SipCredentialDefaultHandler"]["value"])
    validator.validate(
        {
            **record,
            "call_handler": "some_future_handler",
            "encryption": "quantum",
            "codecs": ["NEW_CODEC"],
            "calling_handler_resource_id": None,
            "extra": 1,
        }
    )
    validator.validate(
        {**record, "call_handler": "relay_context", "calling_handler_resource_id": None}
    )
    assert not validator.is_valid(
        {**record, "call_handler": "resource", "calling_handler_resource_id": None}
    )
    assert not validator.is_valid(
        {
            **record,
            "call_handler": "default",
            "calling_handler_resource_id": "5f0c2d8e-1b7a-4c3e-9d6f-8a2b4c6d8e0f",
        }
    )


# No length limit: no source gives one (openapi/upstream-deviations.yaml, username-rules).
@pytest.mark.parametrize("username", ["alice", "front.desk_1", "ünïcødé", "a" * 1000])
def test_usernames_without_white_space_or_at_are_valid(spec: dict[str, Any], username: str) -> None:
    named(spec, "Username").validate(username)


@pytest.mark.parametrize("username", ["", "a b", "a\tb", "alice\n", "al@ice", "\u00a0x", "x\u2028"])
def test_usernames_with_white_space_or_at_are_invalid(spec: dict[str, Any], username: str) -> None:
    assert not named(spec, "Username").is_valid(username)


@pytest.mark.parametrize(
    "value",
    [
        "7d3c1a52-3f5e-4a9b-9a61-2f1e0c6b8d10\n",
        "7d3c1a52-3f5e-4a9b-9a61-2f1e0c6b8d1",
        "7d3c1a52f3f5e-4a9b-9a61-2f1e0c6b8d10",
        "\u0661" * 8 + "-3f5e-4a9b-9a61-2f1e0c6b8d10",
    ],
)
def test_uuid_and_token_patterns_have_no_dialect_gaps(spec: dict[str, Any], value: str) -> None:
    """Python's `$` also matches before a final newline and `int()` reads non-ASCII digits:
    the spec's fixed-length, ASCII-class patterns leave neither gap open."""
    assert not named(spec, "Uuid").is_valid(value)
    assert not named(spec, "PageToken").is_valid("PA000000000000002a\n")
    assert not named(spec, "PageToken").is_valid("PA800000000000002a")


def test_spec_file_is_the_one_the_mock_reads() -> None:
    from signalwire_sip_mock import spec_path

    assert spec_path().resolve() == SPEC_PATH.resolve()


def declared_error_shapes(spec: dict[str, Any]) -> dict[int, str]:
    """Status -> the schema name ("Error" or "ErrorList") of every failure the spec declares."""
    shapes: dict[int, str] = {}
    for item in spec["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for status, response in operation.get("responses", {}).items():
                if int(status) < 400:
                    continue
                name = response["$ref"].rsplit("/", 1)[1]
                content = spec["components"]["responses"][name]["content"]
                ref = content["application/json"]["schema"]["$ref"]
                shapes[int(status)] = ref.rsplit("/", 1)[1]
    return shapes


def test_the_error_shapes_the_mock_and_the_client_know_are_the_specs(
    spec: dict[str, Any],
) -> None:
    from signalwire_sip._exceptions import _BY_STATUS
    from signalwire_sip_mock.errors import LIST_STATUSES

    shapes = declared_error_shapes(spec)
    assert {s for s, shape in shapes.items() if shape == "ErrorList"} == set(LIST_STATUSES)
    assert {s for s, shape in shapes.items() if shape == "Error"}.isdisjoint(LIST_STATUSES)
    # Every declared 4xx has its own exception class (5xx share ServerError).
    assert {s for s in shapes if s < 500} <= set(_BY_STATUS)
