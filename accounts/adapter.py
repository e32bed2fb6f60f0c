from allauth.account.adapter import DefaultAccountAdapter


class GeslotenAccountAdapter(DefaultAccountAdapter):
    """No open sign-up: a coordinator creates every account."""

    def is_open_for_signup(self, request):
        return False
