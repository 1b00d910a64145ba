from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.fabric_other_resource import FabricOtherResource
    from ..models.fabric_sip_credential import FabricSipCredential
    from ..models.sip_credential_page_links import SipCredentialPageLinks


T = TypeVar("T", bound="FabricResourcePage")


@_attrs_define
class FabricResourcePage:
    """One page of Fabric resources (the SIP credentials, wrapped)."""

    data: list[FabricOtherResource | FabricSipCredential]
    links: SipCredentialPageLinks
    """ Absolute URLs of neighbouring pages; `next` is absent on the last page and `prev` on the first. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.fabric_sip_credential import FabricSipCredential  # noqa: PLC0415

        data = []
        for data_item_data in self.data:
            data_item: dict[str, Any]
            if isinstance(data_item_data, FabricSipCredential):
                data_item = data_item_data.to_dict()
            else:
                data_item = data_item_data.to_dict()

            data.append(data_item)

        links = self.links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "links": links,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fabric_other_resource import FabricOtherResource  # noqa: PLC0415
        from ..models.fabric_sip_credential import FabricSipCredential  # noqa: PLC0415
        from ..models.sip_credential_page_links import SipCredentialPageLinks  # noqa: PLC0415

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:

            def _parse_data_item(data: object) -> FabricOtherResource | FabricSipCredential:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_fabric_resource_type_0 = FabricSipCredential.from_dict(data)

                    return componentsschemas_fabric_resource_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_fabric_resource_type_1 = FabricOtherResource.from_dict(data)

                return componentsschemas_fabric_resource_type_1

            data_item = _parse_data_item(data_item_data)

            data.append(data_item)

        links = SipCredentialPageLinks.from_dict(d.pop("links"))

        fabric_resource_page = cls(
            data=data,
            links=links,
        )

        fabric_resource_page.additional_properties = d
        return fabric_resource_page

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
