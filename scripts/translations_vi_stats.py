"""Vietnamese for the totals, reports and API (see po_fill.py)."""

TRANSLATIONS = {
    "records": "Số bản ghi",
    "records with unknown participants": "Bản ghi chưa rõ số người",
    "leaflets given out": "Tờ rơi đã cấp phát",
    "year": "năm",
    "quarter": "quý",
    "month": "tháng",
    "Unknown grouping: %(names)s.": "Không có cách nhóm: %(names)s.",
    "met": "đã đạt",
    "on track": "đúng tiến độ",
    "behind": "chậm tiến độ",
    "group by": "nhóm theo",
    "A province, district or commune, by name or code.": "Tỉnh, huyện hoặc xã: tên hoặc mã.",
    "units as they were": "theo đơn vị hành chính cũ",
    "Group by the provinces and communes named at the time, not by today's.": (
        "Nhóm theo tỉnh, xã như tên gọi khi hoạt động diễn ra, không theo đơn vị hiện nay."
    ),
    "Total": "Tổng cộng",
    "Subtotal: %(group)s": "Cộng: %(group)s",
    "Grouped by": "Nhóm theo",
    "units as they were at the time": "theo đơn vị hành chính tại thời điểm hoạt động",
    "Report": "Báo cáo",
    "Made on": "Lập lúc",
    "Campaign": "Chương trình",
    "All campaigns with targets": "Mọi chương trình có chỉ tiêu",
    "Show": "Xem",
    "The numbers cover only the provinces you work in.": "Số liệu chỉ gồm các tỉnh bạn phụ trách.",
    "Measure": "Chỉ số",
    "Scope": "Phạm vi",
    "Period": "Giai đoạn",
    "Target": "Chỉ tiêu",
    "Done": "Đã thực hiện",
    "Progress": "Tiến độ",
    "Expected by now": "Cần đạt đến nay",
    "Status": "Tình trạng",
    "whole campaign": "toàn chương trình",
    "No campaign has targets yet. Targets are entered on the campaign's form.": (
        "Chưa chương trình nào có chỉ tiêu. Chỉ tiêu được nhập trong trang chương trình."
    ),
    "On track: at least the share of the target that the time elapsed in its period calls for. "
    "A target without an end date cannot fall behind.": (
        "Đúng tiến độ: đạt ít nhất phần chỉ tiêu tương ứng với thời gian đã trôi qua của giai đoạn. "
        "Chỉ tiêu không có ngày kết thúc thì không bị coi là chậm."
    ),
    "— : not applicable to this grouping, or not known. Records with several organisers or audiences "
    "appear under each of them; the total counts them once.": (
        "— : không áp dụng cho cách nhóm này, hoặc chưa rõ. Bản ghi có nhiều đơn vị tổ chức hay đối tượng "
        "được tính ở mỗi nhóm; dòng tổng chỉ tính một lần."
    ),
    "Report filters": "Điều kiện báo cáo",
    "Totals": "Tổng hợp số liệu",
    "Download XLSX": "Tải XLSX",
    "Download PDF": "Tải PDF",
    "Nothing recorded for these filters.": "Không có số liệu nào theo các điều kiện này.",
    "Charts": "Biểu đồ",
    "By province": "Theo tỉnh, thành phố",
    "Sessions and participants by province": "Số buổi và lượt người tham dự theo tỉnh",
    "Over time (by month of the start date)": "Theo thời gian (tháng bắt đầu)",
    "Sessions and participants by month": "Số buổi và lượt người tham dự theo tháng",
    "Report on the campaigns against human trafficking": "Báo cáo kết quả công tác phòng, chống mua bán người",
    "Reports": "Báo cáo",
    "Targets": "Chỉ tiêu",
}
