from django.contrib.auth import views as auth_views
from django.urls import path

app_name = "access"

urlpatterns = [
    path(
        "sign-in",
        auth_views.LoginView.as_view(
            template_name="access/sign_in.html", redirect_authenticated_user=True
        ),
        name="sign_in",
    ),
    # Django's LogoutView accepts POST only, so a link cannot sign someone out.
    path("sign-out", auth_views.LogoutView.as_view(), name="sign_out"),
]
