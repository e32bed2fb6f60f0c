from communicatie.admin import huisstijl, nieuwsbrief, publiek, vragen

__all__ = ["huisstijl", "nieuwsbrief", "publiek", "vragen"]
