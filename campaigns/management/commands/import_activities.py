from ._transfer import ImportCommand


class Command(ImportCommand):
    transfer_name = "activities"
