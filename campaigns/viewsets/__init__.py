from .places import PlaceViewSet, ReadOnlyPermissionPolicy, place_viewset

__all__ = ["PlaceViewSet", "ReadOnlyPermissionPolicy", "place_viewset"]
