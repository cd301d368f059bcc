"""Vietnamese for refusing a stale edit: two people saving the same record (see po_fill.py)."""

TRANSLATIONS = {
    "version": "phiên bản",
    "Moves on every change; refuses stale edits.": "Tăng sau mỗi lần sửa; từ chối bản sửa đã cũ.",
    "This form is out of date. Reload the page and enter your changes again.": (
        "Biểu mẫu này đã cũ. Hãy tải lại trang rồi nhập lại thay đổi của bạn."
    ),
    "This %(model)s was changed by %(user)s at %(time)s while you were editing it. Your changes were not saved.": (
        "%(model)s này đã được %(user)s sửa lúc %(time)s trong khi bạn đang sửa. Thay đổi của bạn chưa được lưu."
    ),
    "someone else": "người khác",
    "you, in another window": "chính bạn ở một cửa sổ khác",
    "an import": "một lần nhập tệp",
    "lines: %(count)d": "số dòng: %(count)d",
    "Your changes were not saved": "Thay đổi của bạn chưa được lưu",
    "What you entered is kept in the form below. Compare it with the saved version, open that version, "
    "enter your changes again and save.": (
        "Những gì bạn đã nhập vẫn còn trong biểu mẫu bên dưới. Hãy so sánh với bản đã lưu, mở bản đó, "
        "nhập lại thay đổi của bạn rồi lưu."
    ),
    "Where the saved version and your form differ": "Chỗ khác nhau giữa bản đã lưu và biểu mẫu của bạn",
    "Field": "Trường",
    "Saved": "Đã lưu",
    "Yours": "Của bạn",
    "The saved version already holds the same values as your form.": (
        "Bản đã lưu có cùng các giá trị như biểu mẫu của bạn."
    ),
    "Open the saved version": "Mở bản đã lưu",
    "History of changes": "Lịch sử thay đổi",
}
