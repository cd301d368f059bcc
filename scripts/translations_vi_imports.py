"""Vietnamese for imports, exports, templates and the sign-in sheet (see po_fill.py)."""

TRANSLATIONS = {
    # Cells and files
    "“%(value)s” is not a whole number.": "“%(value)s” không phải số nguyên.",
    "“%(value)s” is not a date in the calendar.": "“%(value)s” không phải ngày có thật.",
    "“%(value)s” is not a date: write it as dd/mm/yyyy.": "“%(value)s” không phải ngày: hãy viết dạng dd/mm/yyyy.",
    "“%(value)s” is not allowed here. Allowed: %(allowed)s.": (
        "Không chấp nhận “%(value)s”. Giá trị được phép: %(allowed)s."
    ),
    "Only XLSX and CSV files can be imported: save the file as XLSX.": (
        "Chỉ nhập được tệp XLSX và CSV: hãy lưu tệp dạng XLSX."
    ),
    "Only XLSX and CSV files can be imported.": "Chỉ nhập được tệp XLSX và CSV.",
    "The file has no header row.": "Tệp không có dòng tiêu đề.",
    "The file is not a readable XLSX workbook.": "Tệp không phải bảng tính XLSX đọc được.",
    "The workbook is too large once unpacked.": "Bảng tính quá lớn khi giải nén.",
    "The CSV file is not in UTF-8: save it as “CSV UTF-8”.": "Tệp CSV không ở mã UTF-8: hãy lưu dạng “CSV UTF-8”.",
    "The file is too large.": "Tệp quá lớn.",
    "Unknown columns: %(columns)s. Use the headers of the template.": (
        "Cột không xác định: %(columns)s. Hãy dùng tiêu đề của tệp mẫu."
    ),
    "Columns given twice: %(columns)s.": "Cột bị lặp: %(columns)s.",
    "Required columns missing: %(columns)s.": "Thiếu cột bắt buộc: %(columns)s.",
    "This column is required.": "Cột này bắt buộc.",
    "No %(what)s “%(value)s”.": "Không có %(what)s “%(value)s”.",
    "No record has the number %(code)s.": "Không có bản ghi số %(code)s.",
    "This code belongs to a record outside your provinces.": "Mã này thuộc bản ghi ngoài các tỉnh bạn phụ trách.",
    "%(place)s is outside your provinces.": "%(place)s nằm ngoài các tỉnh bạn phụ trách.",
    "The same code as row %(row)s.": "Trùng mã với dòng %(row)s.",
    "row %(row)s": "dòng %(row)s",
    "file": "tệp",
    "column “%(column)s”": "cột “%(column)s”",
    "…and more rows refused; the first ones are listed.": "…và còn dòng khác bị từ chối; chỉ liệt kê các dòng đầu.",
    "No activity with the code “%(code)s” in your provinces.": (
        "Không có hoạt động mã “%(code)s” trong các tỉnh bạn phụ trách."
    ),
    "No club “%(code)s” in your provinces.": "Không có câu lạc bộ “%(code)s” trong các tỉnh bạn phụ trách.",
    # Column help (the guide sheet of the templates)
    "Province or city: name (with or without diacritics, “Tỉnh”/“TP.” optional) or official code.": (
        "Tỉnh/thành phố: tên (có hoặc không dấu, có thể kèm “Tỉnh”/“TP.”) hoặc mã hành chính."
    ),
    "District, for records before 1 July 2025 (districts were abolished then). May be empty.": (
        "Quận/huyện, cho số liệu trước 1/7/2025 (khi còn cấp huyện). Có thể để trống."
    ),
    "Commune or ward: name or official code. Empty when the record covers the whole province.": (
        "Xã/phường: tên hoặc mã hành chính. Để trống khi số liệu của cả tỉnh."
    ),
    "Your own code for the activity, unique (e.g. TH-2025-001). A row with a code already imported "
    "updates that activity; “#123” stands for activity number 123 when it has no code.": (
        "Mã riêng của hoạt động, không trùng (ví dụ TH-2025-001). Dòng có mã đã nhập trước sẽ cập nhật "
        "hoạt động đó; “#123” là hoạt động số 123 khi hoạt động chưa có mã."
    ),
    "The kind of activity.": "Loại hoạt động.",
    "Title.": "Tên.",
    "Date (dd/mm/yyyy).": "Ngày (dd/mm/yyyy).",
    "Last date, for a batch of sessions over a period.": (
        "Ngày cuối, cho một dòng tổng hợp nhiều buổi trong một giai đoạn."
    ),
    "1 for one session; N for a line of a report that gives only a total; empty when unknown.": (
        "1 cho một buổi; N cho một dòng báo cáo chỉ có số tổng; để trống khi không rõ."
    ),
    "Code or name of a campaign already in the system.": "Mã hoặc tên chương trình đã có trong hệ thống.",
    "Organisers already in the system, separated by “;”.": (
        "Các đơn vị tổ chức đã có trong hệ thống, cách nhau bởi “;”."
    ),
    "Audiences, separated by “;”.": "Các đối tượng, cách nhau bởi “;”.",
    "Person-times; empty when unknown (not zero). “2.890” = 2890.": (
        "Số lượt người; để trống khi không rõ (không ghi 0). “2.890” = 2890."
    ),
    "Of whom women; at most the participants.": "Số lượt nữ; không quá số lượt tham dự.",
    "For a club meeting: the club's code or name.": "Với buổi sinh hoạt CLB: mã hoặc tên câu lạc bộ.",
    "Notes.": "Ghi chú.",
    "Your own code for the club, unique (e.g. CLB-NM-01).": "Mã riêng của câu lạc bộ, không trùng (ví dụ CLB-NM-01).",
    "Name.": "Tên.",
    "Organiser already in the system.": "Đơn vị tổ chức đã có trong hệ thống.",
    "Whether the club still meets.": "Câu lạc bộ còn sinh hoạt hay không.",
    "When no member list is kept; empty when unknown. Members by name: the participants file.": (
        "Khi không có danh sách thành viên; để trống khi không rõ. Thành viên theo tên: nhập qua tệp người tham gia."
    ),
    "Short, stable code (letters, digits, “-”), e.g. DHPNBC-2025.": (
        "Mã ngắn, cố định (chữ, số, “-”), ví dụ DHPNBC-2025."
    ),
    "Name of the programme, project or plan.": "Tên chương trình, đề án hoặc kế hoạch.",
    "Description.": "Mô tả.",
    "Lead organiser already in the system.": "Đơn vị chủ trì đã có trong hệ thống.",
    "Empty for a new target; “#123” (as exported) for target number 123.": (
        "Để trống với chỉ tiêu mới; “#123” (như tệp xuất) là chỉ tiêu số 123."
    ),
    "Code or name of the campaign.": "Mã hoặc tên chương trình.",
    "What is counted.": "Chỉ số được đếm.",
    "Only this kind of activity; empty for all.": "Chỉ loại hoạt động này; để trống cho mọi loại.",
    "Only this audience; empty for all.": "Chỉ đối tượng này; để trống cho mọi đối tượng.",
    "Only this province; empty for the whole campaign.": "Chỉ tỉnh này; để trống cho cả chương trình.",
    "Date (dd/mm/yyyy); empty for the campaign's period.": (
        "Ngày (dd/mm/yyyy); để trống theo giai đoạn của chương trình."
    ),
    "The number to reach. “15.000” = 15000.": "Số cần đạt. “15.000” = 15000.",
    "Empty for a person not yet registered; “#123” (as exported) for person 123.": (
        "Để trống với người chưa có trong hệ thống; “#123” (như tệp xuất) là người số 123."
    ),
    "Full name.": "Họ và tên.",
    "Gender.": "Giới tính.",
    "Year of birth.": "Năm sinh.",
    "Ethnicity, e.g. Kinh, Thái, Mường, Mông.": "Dân tộc, ví dụ Kinh, Thái, Mường, Mông.",
    "Province where the person lives.": "Tỉnh nơi người đó sinh sống.",
    "Commune or ward where the person lives.": "Xã/phường nơi người đó sinh sống.",
    "Audience the person belongs to.": "Nhóm đối tượng của người đó.",
    "Phone number (optional).": "Số điện thoại (không bắt buộc).",
    "Code of the activity whose sign-in list this line belongs to (as on the printed sheet).": (
        "Mã hoạt động của danh sách ký tên (như in trên tờ danh sách)."
    ),
    "“x” or “có” when present (the default when an activity is given); “không” when absent.": (
        "“x” hoặc “có” khi có mặt (mặc định khi ghi mã hoạt động); “không” khi vắng."
    ),
    "Code or name of a club the person is a member of.": "Mã hoặc tên câu lạc bộ mà người đó là thành viên.",
    # Template workbook
    "Column": "Cột",
    "Key": "Khóa",
    "Required": "Bắt buộc",
    "What it holds": "Nội dung",
    "Allowed values": "Giá trị được phép",
    "yes": "có",
    "The first row holds the headers: the Vietnamese name, or the key in brackets.": (
        "Dòng đầu là tiêu đề: tên tiếng Việt, hoặc khóa trong ngoặc vuông."
    ),
    "Dates as dd/mm/yyyy (or a date cell); numbers may use “.” between thousands (2.890).": (
        "Ngày dạng dd/mm/yyyy (hoặc ô kiểu ngày); số có thể dùng “.” phân cách hàng nghìn (2.890)."
    ),
    "Places with or without diacritics, with or without “Tỉnh”, “Xã”…, or their official codes.": (
        "Địa danh có hoặc không dấu, có hoặc không kèm “Tỉnh”, “Xã”…, hoặc mã hành chính."
    ),
    "A file with any refused row stores nothing: correct the rows listed and import it again.": (
        "Tệp có bất kỳ dòng nào bị từ chối thì không lưu gì: hãy sửa các dòng được liệt kê rồi nhập lại."
    ),
    "Importing the same file again changes nothing; a row whose code is known updates that record.": (
        "Nhập lại cùng một tệp không thay đổi gì; dòng có mã đã biết sẽ cập nhật bản ghi đó."
    ),
    # Permissions and jobs
    "Can import activities from a file": "Được nhập hoạt động từ tệp",
    "Can export activities to a file": "Được xuất hoạt động ra tệp",
    "Can import clubs from a file": "Được nhập câu lạc bộ từ tệp",
    "Can export clubs to a file": "Được xuất câu lạc bộ ra tệp",
    "Can import campaigns from a file": "Được nhập chương trình từ tệp",
    "Can export campaigns to a file": "Được xuất chương trình ra tệp",
    "Can import targets from a file": "Được nhập chỉ tiêu từ tệp",
    "Can export targets to a file": "Được xuất chỉ tiêu ra tệp",
    "Can import participants from a file": "Được nhập người tham gia từ tệp",
    "Can export participants to a file": "Được xuất người tham gia ra tệp",
    "waiting": "đang chờ",
    "checking": "đang kiểm tra",
    "checked": "đã kiểm tra",
    "importing": "đang nhập",
    "imported": "đã nhập",
    "refused": "bị từ chối",
    "import": "lần nhập",
    "imports": "các lần nhập",
    "records": "loại bản ghi",
    "size": "dung lượng",
    "participants and sign-in lists": "người tham gia và danh sách ký tên",
    # Admin pages
    "Import %(records)s": "Nhập %(records)s",
    "Import": "Nhập từ tệp",
    "Download template": "Tải tệp mẫu",
    "Export %(format)s": "Xuất %(format)s",
    "File (XLSX or CSV)": "Tệp (XLSX hoặc CSV)",
    "The columns of the template; CSV in UTF-8, separated by commas or semicolons.": (
        "Các cột của tệp mẫu; CSV mã UTF-8, phân cách bằng dấu phẩy hoặc chấm phẩy."
    ),
    "Bring in %(records)s from a spreadsheet. The file is checked first: you see what would be created, "
    "updated and left unchanged, and every refused row, before anything is stored.": (
        "Nhập %(records)s từ bảng tính. Tệp được kiểm tra trước: bạn thấy những gì sẽ được thêm mới, "
        "cập nhật, giữ nguyên và mọi dòng bị từ chối, trước khi lưu bất cứ thứ gì."
    ),
    "Download template (XLSX)": "Tải tệp mẫu (XLSX)",
    "Check the file": "Kiểm tra tệp",
    "Rows of provinces you do not work in are refused.": "Dòng thuộc tỉnh bạn không phụ trách sẽ bị từ chối.",
    "Your recent imports": "Các lần nhập gần đây của bạn",
    "File": "Tệp",
    "Created": "Thời gian",
    "Checking the file…": "Đang kiểm tra tệp…",
    "Importing…": "Đang nhập…",
    "%(done)s of about %(total)s rows": "%(done)s trên khoảng %(total)s dòng",
    "A large file is handled in the background: you may leave this page and come back. The page refreshes by itself.": (
        "Tệp lớn được xử lý ở chế độ nền: bạn có thể rời trang này rồi quay lại. Trang tự cập nhật."
    ),
    "The file was refused:": "Tệp bị từ chối:",
    "rows read": "dòng đã đọc",
    "would be created": "sẽ thêm mới",
    "would be updated": "sẽ cập nhật",
    "created": "đã thêm mới",
    "updated": "đã cập nhật",
    "unchanged (skipped)": "không đổi (bỏ qua)",
    "refused rows": "dòng bị từ chối",
    "Nothing was stored. Correct these rows in the file and import it again.": (
        "Chưa lưu gì. Hãy sửa các dòng này trong tệp rồi nhập lại."
    ),
    "Refused rows": "Các dòng bị từ chối",
    "Row": "Dòng",
    "Problem": "Lỗi",
    "The file is correct. Nothing is stored until you confirm.": "Tệp hợp lệ. Chưa lưu gì cho đến khi bạn xác nhận.",
    "Confirm the import": "Xác nhận nhập",
    "Cancel": "Hủy",
    "Imported.": "Đã nhập xong.",
    "Back to the list": "Về danh sách",
    "Rows that create or change records": "Các dòng thêm mới hoặc thay đổi bản ghi",
    "Change": "Thay đổi",
    "Record": "Bản ghi",
    "Columns changed": "Cột thay đổi",
    "new": "thêm mới",
    "update": "cập nhật",
    "Import another file": "Nhập tệp khác",
    # Sign-in sheet
    "Sign-in sheet": "Danh sách ký tên",
    "Sign-in list with attendance (%(format)s)": "Danh sách ký tên đã điểm danh (%(format)s)",
    "Print": "In",
    "Activity": "Hoạt động",
    "Date": "Ngày",
    "signature": "chữ ký",
    "To type this list back in: use the participants template, one row per person, with the activity "
    "code above in the column “Mã hoạt động” and “x” in “Có mặt”.": (
        "Để nhập lại danh sách này: dùng tệp mẫu người tham gia, mỗi người một dòng, ghi mã hoạt động ở trên "
        "vào cột “Mã hoạt động” và “x” vào cột “Có mặt”."
    ),
}
