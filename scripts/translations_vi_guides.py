"""Vietnamese for the user guides' pages in the admin (see po_fill.py)."""

TRANSLATIONS = {
    "User guides": "Hướng dẫn sử dụng",
    "Step-by-step guides for each role, with pictures of the screens you will see.": (
        "Hướng dẫn từng bước cho từng vai trò, kèm hình các màn hình bạn sẽ gặp."
    ),
    "Contents": "Mục lục",
    "All guides": "Tất cả hướng dẫn",
    "Language of the guides": "Ngôn ngữ của hướng dẫn",
}
