from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "rollkoll.catalog"
    label = "catalog"
