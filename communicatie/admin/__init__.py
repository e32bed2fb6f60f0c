from communicatie.admin import huisstijl, publiek, vragen

__all__ = ["huisstijl", "publiek", "vragen"]
