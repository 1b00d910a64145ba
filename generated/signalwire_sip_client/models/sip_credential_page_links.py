from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SipCredentialPageLinks")


@_attrs_define
class SipCredentialPageLinks:
    """Absolute URLs of neighbouring pages; `next` is absent on the last page and `prev` on the first."""

    self_: str
    first: str
    next_: str | Unset = UNSET
    prev: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        self_ = self.self_

        first = self.first

        next_ = self.next_

        prev = self.prev

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "self": self_,
                "first": first,
            }
        )
        if next_ is not UNSET:
            field_dict["next"] = next_
        if prev is not UNSET:
            field_dict["prev"] = prev

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        self_ = d.pop("self")

        first = d.pop("first")

        next_ = d.pop("next", UNSET)

        prev = d.pop("prev", UNSET)

        sip_credential_page_links = cls(
            self_=self_,
            first=first,
            next_=next_,
            prev=prev,
        )

        sip_credential_page_links.additional_properties = d
        return sip_credential_page_links

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
    def self(self) -> str:
        """``self``, as the API names it (``self_``: deprecated)."""
        return self.self_

    @self.setter
    def self(self, value: str) -> None:
        self.self_ = value

    @property
    def next(self) -> str | Unset:
        """``next``, as the API names it (``next_``: deprecated)."""
        return self.next_

    @next.setter
    def next(self, value: str | Unset) -> None:
        self.next_ = value
