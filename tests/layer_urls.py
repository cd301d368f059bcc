"""No URLs: the settings of one layer (tests/layer_settings.py) serve no page."""

urlpatterns: list = []
