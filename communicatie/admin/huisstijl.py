from django.contrib import admin

from accounts.rechten import BeperktBeheer
from communicatie.models import Huisstijl


@admin.register(Huisstijl)
class HuisstijlAdmin(BeperktBeheer, admin.ModelAdmin):
    list_display = ["naam", "ondertitel", "kleur"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not Huisstijl.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
