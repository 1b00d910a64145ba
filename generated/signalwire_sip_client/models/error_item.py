from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ErrorItem")


@_attrs_define
class ErrorItem:
    """One problem with a request."""

    type_: str
    """ The family of the problem, such as `validation_error`. """
    code: str
    """ A stable code, such as `missing_required_parameter` or `invalid_parameter_value`. """
    message: str
    """ What was wrong, for people. """
    attribute: None | str
    """ The request field the problem is about, if it is about one. """
    url: str
    """ Where the code is documented. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        code = self.code

        message = self.message

        attribute: None | str
        attribute = self.attribute

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "code": code,
                "message": message,
                "attribute": attribute,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        code = d.pop("code")

        message = d.pop("message")

        def _parse_attribute(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        attribute = _parse_attribute(d.pop("attribute"))

        url = d.pop("url")

        error_item = cls(
            type_=type_,
            code=code,
            message=message,
            attribute=attribute,
            url=url,
        )

        error_item.additional_properties = d
        return error_item

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

    @property
    def type(self) -> str:
        """``type``, as the API names it (``type_``: deprecated)."""
        return self.type_

    @type.setter
    def type(self, value: str) -> None:
        self.type_ = value
