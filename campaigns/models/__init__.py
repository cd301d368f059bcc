from .places import Place

__all__ = ["Place"]
