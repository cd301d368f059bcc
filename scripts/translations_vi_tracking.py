"""Vietnamese for the strings of the tracking work: activities, clubs, trainings, the phone form."""

TRANSLATIONS = {
    # Activities
    "planned": "dự kiến",
    "held": "đã tổ chức",
    "cancelled": "đã hủy",
    "kind": "loại",
    # Wagtail's page and document titles use the same plain "title": ours must fit them too.
    "title": "tiêu đề",
    ("activity", "title"): "tên hoạt động",
    "organisers": "đơn vị tổ chức",
    "start date": "từ ngày",
    "end date": "đến ngày",
    "For a batch over a period.": "Với một dòng tổng hợp trong một khoảng thời gian.",
    "sessions": "số buổi",
    "unknown": "không rõ",
    "1 for a single session; N for a report line that gives only a total; empty when unknown.": (
        "1 cho một buổi; N cho một dòng báo cáo chỉ có số tổng; để trống khi không rõ."
    ),
    "The smallest unit known: commune, else district, else province.": (
        "Đơn vị nhỏ nhất đã biết: xã, nếu không thì huyện, nếu không thì tỉnh."
    ),
    "location": "địa bàn",
    "audiences": "đối tượng",
    "topics": "chủ đề",
    "course": "chương trình tập huấn",
    "trainers": "tập huấn viên",
    "club": "câu lạc bộ",
    "For a club meeting: the club that met.": "Với buổi sinh hoạt CLB: câu lạc bộ đã sinh hoạt.",
    "participants": "số lượt tham dự",
    "Person-times (lượt). Leave empty when unknown. Counted from the sign-in list where there is one.": (
        "Số lượt người. Để trống khi không rõ. Nếu có danh sách điểm danh thì lấy theo danh sách."
    ),
    "Person-times (lượt). Leave empty when unknown.": "Số lượt người. Để trống khi không rõ.",
    "of whom female": "trong đó nữ",
    "of whom ethnic minority": "trong đó dân tộc thiểu số",
    "materials handed out": "tài liệu phát ra",
    "photos": "ảnh",
    "notes": "ghi chú",
    "status": "trạng thái",
    "recorded by": "người nhập",
    "external code": "mã",
    "Code in an imported file.": "Mã trong tệp nhập.",
    "created": "ngày tạo",
    "updated": "ngày cập nhật",
    "activity": "hoạt động",
    "activities": "hoạt động",
    "Activities": "Hoạt động",
    "Cannot be more than the number of participants.": "Không được lớn hơn số lượt tham dự.",
    "Only a club meeting points at a club.": "Chỉ buổi sinh hoạt CLB mới gắn với câu lạc bộ.",
    "%(place)s is outside the places that campaign “%(campaign)s” covers.": (
        "%(place)s nằm ngoài địa bàn của chương trình “%(campaign)s”."
    ),
    "training class": "lớp tập huấn",
    "community session": "buổi truyền thông",
    "club meeting": "sinh hoạt CLB",
    "communication fair": "phiên chợ truyền thông",
    "contest": "hội thi",
    "residents' meeting": "họp dân",
    "inspection": "kiểm tra, giám sát",
    "other": "khác",
    "The end date is before the start date.": "Ngày kết thúc trước ngày bắt đầu.",
    "sign-in list": "danh sách điểm danh",
    "attendee": "người tham dự",
    "Sign-in list recorded": "Đã ghi danh sách điểm danh",
    "Sign-in list: %(present)d present, %(new)d newly registered": (
        "Danh sách điểm danh: %(present)d có mặt, %(new)d người mới đăng ký"
    ),
    "Campaign work": "Công tác tuyên truyền",
    "period": "thời gian",
    # Campaigns and targets
    "code": "mã",
    "Short and stable, e.g. “DHPNBC-2018”.": "Ngắn và cố định, ví dụ “DHPNBC-2018”.",
    "description": "mô tả",
    "lead organiser": "đơn vị chủ trì",
    "partner organisers": "đơn vị phối hợp",
    "places covered": "địa bàn triển khai",
    "The provinces, districts or communes the campaign covers; empty means nationwide.": (
        "Các tỉnh, huyện hoặc xã chương trình triển khai; để trống nghĩa là toàn quốc."
    ),
    "One place per line, optionally followed by a comma and its district or province: "
    "“Na Mèo, Quan Sơn”. Empty means nationwide.": (
        "Mỗi dòng một địa bàn, có thể thêm dấu phẩy và tên huyện hoặc tỉnh: “Na Mèo, Quan Sơn”. "
        "Để trống nghĩa là toàn quốc."
    ),
    "Line %(line)d: %(error)s": "Dòng %(line)d: %(error)s",
    "plan documents": "văn bản kế hoạch",
    "plan document": "văn bản kế hoạch",
    "document": "văn bản",
    "targets": "chỉ tiêu",
    "target": "chỉ tiêu",
    "number": "số hiệu",
    "date": "ngày",
    "campaign": "chương trình",
    "campaigns": "chương trình",
    "Campaigns": "Chương trình",
    "participants (person-times)": "lượt người tham dự",
    "female participants": "lượt nữ tham dự",
    "unique participants": "số người (không trùng lặp)",
    "active clubs": "câu lạc bộ đang hoạt động",
    "club members": "thành viên câu lạc bộ",
    "leaflets distributed": "tờ rơi đã cấp phát",
    "measure": "chỉ số",
    "activity kind": "loại hoạt động",
    "audience": "đối tượng",
    "from": "từ ngày",
    "to": "đến ngày",
    "number to reach": "số cần đạt",
    # Clubs
    "active": "đang hoạt động",
    "closed": "đã giải thể",
    "Its commune; the district or province when the report names no commune.": (
        "Xã nơi câu lạc bộ sinh hoạt; huyện hoặc tỉnh nếu báo cáo không nêu xã."
    ),
    "founded on": "ngày thành lập",
    "organiser": "đơn vị tổ chức",
    "number of members": "số thành viên",
    "When no member list is kept; empty when unknown.": "Khi không có danh sách thành viên; để trống khi không rõ.",
    "member list": "danh sách thành viên",
    "clubs": "câu lạc bộ",
    "Clubs": "Câu lạc bộ",
    # Distributions
    "material": "tài liệu",
    "The leaflet or material, as it is called on paper.": "Tên tờ rơi hoặc tài liệu như in trên giấy.",
    "document in the library": "tài liệu trong thư viện",
    "copies printed": "số bản in",
    "copies given out": "số bản cấp phát",
    "at activity": "tại hoạt động",
    "More copies given out than printed.": "Số bản cấp phát nhiều hơn số bản in.",
    "material distribution": "cấp phát tài liệu",
    "material distributions": "cấp phát tài liệu",
    "Material distributions": "Cấp phát tài liệu",
    # Organisers
    "Women's Union": "Hội Liên hiệp Phụ nữ",
    "police": "công an",
    "border guards": "bộ đội biên phòng",
    "labour, invalids and social affairs": "lao động – thương binh và xã hội",
    "customs": "hải quan",
    "non-governmental organisation": "tổ chức phi chính phủ",
    "people's committee or other agency": "ủy ban nhân dân hoặc cơ quan khác",
    "central": "trung ương",
    "Organisers": "Đơn vị tổ chức",
    # Scope and taxonomy
    "user": "người dùng",
    "provinces": "tỉnh/thành phố",
    "Current provinces; records of the old provinces they took over are included.": (
        "Các tỉnh hiện hành; gồm cả hồ sơ của các tỉnh cũ đã sáp nhập vào."
    ),
    "staff scope": "phạm vi phụ trách",
    "staff scopes": "phạm vi phụ trách",
    "Staff provinces": "Địa bàn phụ trách",
    "sensitive": "nhạy cảm",
    "Public outputs hide small counts of this group (e.g. returned victims).": (
        "Số liệu công khai ẩn các số nhỏ của nhóm này (ví dụ nạn nhân bị mua bán trở về)."
    ),
    "Audiences": "Đối tượng",
    "topic": "chủ đề",
    "Topics": "Chủ đề",
    # Admin choosers and scoping
    "Search term": "Từ khóa",
    "Name or code, with or without diacritics": "Tên hoặc mã, có dấu hay không dấu đều được",
    "all": "tất cả",
    "Choose a place": "Chọn địa bàn",
    "Choose another place": "Chọn địa bàn khác",
    "This place is outside your provinces.": "Địa bàn này nằm ngoài các tỉnh bạn phụ trách.",
    "This person is registered outside your provinces.": "Người này đăng ký ở ngoài các tỉnh bạn phụ trách.",
    "Choose a participant": "Chọn người tham dự",
    "Choose another participant": "Chọn người tham dự khác",
    # Trainings
    "who came": "người đến dự",
    "Only when you keep no list of names below.": "Chỉ điền khi không ghi danh sách tên bên dưới.",
    "full name": "họ và tên",
    "gender": "giới tính",
    "year of birth": "năm sinh",
    "ethnicity": "dân tộc",
    "materials in the library": "tài liệu trong thư viện",
    "courses": "chương trình tập huấn",
    "Courses": "Chương trình tập huấn",
    "user account": "tài khoản",
    "phone": "điện thoại",
    "trainer": "tập huấn viên",
    "Trainers": "Tập huấn viên",
    "female": "nữ",
    "male": "nam",
    "other or not given": "khác hoặc không nêu",
    "e.g. Kinh, Thái, Mường, Mông": "ví dụ Kinh, Thái, Mường, Mông",
    "participant": "người tham dự",
    "Participants": "Người tham dự",
    "Not a plausible year of birth.": "Năm sinh không hợp lệ.",
    "present": "có mặt",
    "attendance": "điểm danh",
    "attendances": "điểm danh",
    # Phone form
    "Record an activity": "Ghi nhận hoạt động",
    "Who came": "Người đến dự",
    "Nobody registered in this commune yet: add the attendees below.": (
        "Xã này chưa có ai trong danh sách: hãy thêm người tham dự bên dưới."
    ),
    "Add attendees": "Thêm người tham dự",
    "+ Another attendee": "+ Thêm một người",
    "Save": "Lưu",
    "No connection: the record is kept on this phone and will be sent when the connection returns.": (
        "Không có kết nối: bản ghi được giữ trên điện thoại và sẽ tự gửi khi có mạng trở lại."
    ),
    "Your unsent draft was restored.": "Đã khôi phục bản nháp chưa gửi.",
    "Sending…": "Đang gửi…",
    "Saved": "Đã lưu",
    "“%(title)s” in %(place)s on %(date)s.": "“%(title)s” tại %(place)s ngày %(date)s.",
    "People on the sign-in list: %(count)s.": "Số người trong danh sách: %(count)s.",
    "Record another activity": "Ghi nhận hoạt động khác",
    "Complete it in the admin (photos, materials, trainers)": (
        "Bổ sung trong trang quản trị (ảnh, tài liệu, tập huấn viên)"
    ),
    # Demo data
    "No places yet: run “python manage.py load_places” first.": (
        "Chưa có đơn vị hành chính: hãy chạy “python manage.py load_places” trước."
    ),
    "Load demo campaigns, activities, clubs and leaflets from the seed reports. Safe to run again.": (
        "Nạp dữ liệu mẫu (chương trình, hoạt động, câu lạc bộ, tờ rơi) từ các báo cáo mẫu. "
        "Chạy lại nhiều lần vẫn an toàn."
    ),
    "Demo data: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.": (
        "Dữ liệu mẫu: tạo mới %(created)d, cập nhật %(updated)d, giữ nguyên %(unchanged)d."
    ),
    "%(name)s: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.": (
        "%(name)s: tạo mới %(created)d, cập nhật %(updated)d, giữ nguyên %(unchanged)d."
    ),
}
