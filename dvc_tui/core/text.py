"""The message catalogs: Vietnamese (default) and English, one key per user-visible string.

`t(key, **params)` formats the current language's text; `problem_text(problem)` turns a
core Problem (a key and parameters) into a sentence. Both catalogs must hold the same keys
(a test checks); a missing key shows itself as the key, never as a crash.
"""

from __future__ import annotations

from typing import Any

VI: dict[str, str] = {
    # the portal
    "portal.name": "CỔNG DỊCH VỤ CÔNG QUỐC GIA",
    "portal.tagline": "Kết nối, cung cấp thông tin và dịch vụ công mọi lúc, mọi nơi",
    "portal.sim": "Trình mô phỏng đăng ký và đăng nhập — không kết nối tới hệ thống thật",
    "step": "Bước {n}/{total}",
    # keys shown in the footer
    "key.back": "Quay lại",
    "key.cancel": "Hủy",
    "key.quit": "Thoát",
    "key.lang": "English",
    "key.new_captcha": "Mã mới",
    "key.sms": "Tin nhắn",
    # home
    "home.title": "Trang chủ",
    "home.register": "Đăng ký",
    "home.login": "Đăng nhập",
    "home.info": "Thông tin",
    "home.intro": "Người dân/Doanh nghiệp có thể Đăng ký/Đăng nhập tài khoản tại đây. "
    "Dùng Tab để di chuyển, Enter để chọn.",
    # SMS pane
    "sms.title": "Tin nhắn SMS (mô phỏng)",
    "sms.empty": "Chưa có tin nhắn. Mọi tin nhắn của trình mô phỏng hiện ở đây.",
    "sms.header": "{sender} → {phone} · {time}",
    "sms.otp.register": "Ma OTP dang ky tai khoan Cong DVC quoc gia cua ban la {code}. "
    "Ma co hieu luc trong {minutes} phut.",
    "sms.otp.login": "Ma OTP dang nhap Cong DVC quoc gia cua ban la {code}. "
    "Ma co hieu luc trong {minutes} phut. Khong chia se ma nay cho bat ky ai.",
    # subject and method
    "subject.title": "Đăng ký",
    "subject.prompt": "Vui lòng chọn phương thức đăng ký",
    "subject.heading": "Chọn đối tượng đăng ký",
    "subject.citizen": "Công dân",
    "subject.business": "Doanh nghiệp",
    "subject.agency": "Cơ quan nhà nước",
    "method.title": "Chọn phương thức đăng ký",
    "method.for_subject": "Đối tượng: {subject}",
    "level.ial2": "Xác minh mức độ trung bình (IAL2)",
    "level.ial3": "Xác minh mức độ cao (IAL3)",
    "method.mobile": "Thuê bao di động",
    "method.bhxh": "Bảo hiểm xã hội",
    "method.post": "Bưu điện Việt Nam",
    "method.usb": "USB ký số",
    "method.sim": "SIM ký số",
    "method.citizens_only": "Chỉ dành cho công dân",
    # the mobile form
    "form.subtitle": "Thuê bao di động (Chỉ dành cho công dân)",
    "field.cccd": "Tên đăng nhập (Số CMT/CCCD)",
    "field.cccd.ph": "Số CMT (9 số) hoặc CCCD (12 số)",
    "field.full_name": "Họ tên",
    "field.full_name.ph": "Ví dụ: Nguyễn Văn An",
    "field.dob": "Ngày sinh",
    "field.dob.ph": "dd/mm/yyyy",
    "field.phone": "Số điện thoại",
    "field.phone.ph": "Ví dụ: 0912345678",
    "field.email": "Email",
    "field.email.ph": "Không bắt buộc",
    "field.captcha": "Nhập mã xác thực",
    "field.captcha.ph": "6 ký tự",
    "captcha.new": "Đổi mã",
    "form.note_own": "* Lưu ý: Thuê bao di động dùng đăng ký tài khoản phải là thuê bao đã được "
    "đăng ký chính chủ",
    "form.submit": "ĐĂNG KÝ",
    "form.carrier": "Nhà mạng: {carrier}",
    "form.checking": "Đang kiểm tra thông tin…",
    "form.fix": "Vui lòng kiểm tra lại các trường có thông báo lỗi.",
    "form.required_mark": "*",
    # field problems
    "id.required": "Bạn phải nhập cmt/cccd.",
    "id.digits": "Số CMT/CCCD chỉ gồm chữ số.",
    "id.length": "Số CMT/CCCD phải có 9 số (CMT) hoặc 12 số (CCCD); bạn đã nhập {length} số.",
    "id.format": "Số CMT/CCCD không hợp lệ.",
    "id.province": "Mã tỉnh {code} (3 số đầu của CCCD) không tồn tại.",
    "id.century": "Chữ số thứ 4 của CCCD ({digit}: thế kỷ sinh và giới tính) không khớp với năm "
    "sinh {year}.",
    "id.year": "Chữ số thứ 5–6 của CCCD ({digits}: năm sinh) không khớp với năm sinh {year}.",
    "name.required": "Bạn phải nhập họ tên.",
    "name.letters": "Họ tên chỉ gồm chữ cái và dấu cách (ký tự không hợp lệ: {char}).",
    "name.spaces": "Họ tên chỉ dùng một dấu cách giữa các từ.",
    "name.length": "Họ tên dài từ 2 đến 100 ký tự.",
    "dob.required": "Bạn phải nhập ngày sinh.",
    "dob.format": "Ngày sinh nhập theo dạng dd/mm/yyyy, ví dụ 25/04/1990.",
    "dob.invalid": "Ngày sinh không có trên lịch.",
    "dob.future": "Ngày sinh không được ở tương lai.",
    "dob.too_old": "Năm sinh phải từ 1900 trở đi.",
    "phone.required": "Bạn phải nhập số điện thoại.",
    "phone.format": "Số điện thoại không đúng định dạng (ví dụ 0912345678 hoặc +84912345678).",
    "phone.not_vn": "Chỉ chấp nhận số điện thoại di động Việt Nam (+84).",
    "phone.invalid": "Số điện thoại không thuộc dải số của nhà mạng Việt Nam.",
    "phone.not_mobile": "Đây không phải số di động; vui lòng nhập số thuê bao di động.",
    "phone.not_owner": "Số điện thoại không chính chủ: thuê bao này không được đăng ký với số "
    "CMT/CCCD đã nhập.",
    "email.invalid": "Email không hợp lệ (ví dụ: ten@example.vn).",
    "captcha.required": "Bạn phải nhập mã xác thực.",
    "captcha.wrong": "Mã xác thực không đúng. Đã tạo mã mới, vui lòng nhập lại.",
    "account.exists": "Số CMT/CCCD này đã có tài khoản trên Cổng Dịch vụ công quốc gia.",
    "account.exists.ways": "Bạn có thể: lấy lại mật khẩu bằng chức năng “Quên mật khẩu” tại màn "
    "hình đăng nhập; đến quầy giao dịch (bộ phận một cửa) để lấy lại mật khẩu; hoặc gửi khiếu nại "
    "nếu bạn không sở hữu tài khoản này.",
    # the code screen
    "otp.title": "Xác thực mã OTP",
    "otp.sent.register": "Mã xác thực đã được gửi qua SĐT: {phone}",
    "otp.sent.login": "Mã xác thực đã được gửi qua số điện thoại: {phone}",
    "otp.field": "Nhập mã OTP",
    "otp.field.ph": "6 chữ số",
    "otp.confirm": "XÁC NHẬN",
    "otp.not_received": "Bạn chưa nhận được mã?",
    "otp.resend": "Gửi lại OTP",
    "otp.resend_in": "Gửi lại OTP ({seconds}s)",
    "otp.resent": "Đã gửi lại mã OTP tới {phone}.",
    "otp.valid_until": "Mã có hiệu lực 5 phút, đến {time}.",
    "otp.other_method": "Chọn phương thức xác thực khác",
    "otp.no_account": "Chưa có tài khoản? Đăng ký",
    "otp.checking": "Đang kiểm tra mã…",
    "otp.required": "Bạn phải nhập mã OTP.",
    "otp.format": "Mã OTP gồm {digits} chữ số.",
    "otp.none": "Chưa có mã nào được gửi; nhấn “Gửi lại OTP”.",
    "otp.used": "Mã OTP này đã được sử dụng; nhấn “Gửi lại OTP” để nhận mã mới.",
    "otp.voided": "Mã OTP đã bị hủy do nhập sai quá nhiều lần; nhấn “Gửi lại OTP”.",
    "otp.voided_now": "Bạn đã nhập sai {limit} lần, mã OTP đã bị hủy. Nhấn “Gửi lại OTP” để "
    "nhận mã mới.",
    "otp.expired": "Mã OTP đã hết hạn (hiệu lực 5 phút); nhấn “Gửi lại OTP”.",
    "otp.wrong": "Mã OTP không đúng. Còn {left} lần thử.",
    "otp.superseded": "Đây là mã cũ, đã được thay bằng mã gửi sau. Còn {left} lần thử.",
    "otp.cooldown": "Vui lòng chờ {seconds} giây nữa trước khi gửi lại OTP.",
    "otp.hourly_limit": "Số điện thoại này đã nhận {limit} mã trong một giờ; vui lòng thử lại sau "
    "{minutes} phút.",
    # the password screen
    "pw.title": "Đăng ký",
    "pw.rule": "* Sử dụng 8 ký tự trở lên bao gồm chữ thường, chữ in hoa, số và ký tự đặc biệt.",
    "pw.field": "Nhập mật khẩu",
    "pw.confirm": "Xác nhận mật khẩu",
    "pw.submit": "ĐĂNG KÝ",
    "pw.rule.length": "8 ký tự trở lên",
    "pw.rule.lower": "chữ thường",
    "pw.rule.upper": "chữ in hoa",
    "pw.rule.digit": "chữ số",
    "pw.rule.special": "ký tự đặc biệt",
    "pw.rule.equal": "hai mật khẩu giống nhau",
    "pw.hashing": "Đang tạo tài khoản…",
    "password.required": "Bạn phải nhập mật khẩu.",
    "password.too_long": "Mật khẩu dài tối đa {max} ký tự.",
    "password.control": "Mật khẩu không được chứa ký tự điều khiển.",
    "password.weak": "Mật khẩu còn thiếu: {rule}.",
    "password.mismatch": "Xác nhận mật khẩu không khớp với mật khẩu.",
    "password.personal": "Mật khẩu không được chứa {which} của bạn.",
    "password.common": "Mật khẩu này nằm trong danh sách mật khẩu hay bị dùng nhất; hãy chọn mật khẩu khác.",
    "password.guessable": "Mật khẩu quá dễ đoán ({hint}); hãy dùng mật khẩu dài hơn, ghép vài từ ít gặp.",
    "pw.personal.id": "số CMT/CCCD",
    "pw.personal.phone": "số điện thoại",
    "pw.personal.dob": "ngày sinh",
    "pw.personal.name": "họ tên",
    "pw.personal.email": "địa chỉ email",
    "pw.personal.bhxh": "mã số BHXH",
    "pw.hint.common": "gần giống một mật khẩu phổ biến",
    "pw.hint.personal": "dựa trên thông tin cá nhân của bạn",
    "pw.hint.portal": "dựa trên tên hay từ ngữ của Cổng dịch vụ công",
    "pw.hint.word": "dựa trên một từ thông dụng",
    "pw.hint.name": "dựa trên một tên người phổ biến",
    "pw.hint.keyboard": "có dãy phím liền nhau trên bàn phím",
    "pw.hint.repeat": "có ký tự hoặc cụm ký tự lặp lại",
    "pw.hint.sequence": "có dãy liên tiếp như abc hay 6543",
    "pw.hint.date": "có ngày tháng hoặc năm",
    "pw.hint.short": "còn ngắn và đơn giản",
    "register.code_needed": "Mã OTP chưa được xác nhận hoặc đã quá 15 phút; vui lòng đăng ký lại.",
    # done
    "done.title": "Đăng ký thành công",
    "done.body": "Tài khoản {username} ({name}) đã được tạo.",
    "done.level.mobile": "Mức xác minh 2 (đã được xác minh bởi nhà mạng)",
    "done.level.bhxh": "Mức xác minh 2 (đã được xác minh qua cơ sở dữ liệu BHXH)",
    "done.level.post": "Mức xác minh 2 (đã được xác minh trực tiếp tại Bưu điện)",
    "done.level.usb": "Mức xác minh 3 (xác minh mức độ cao bằng chứng thư số trên USB ký số)",
    "done.level.sim": "Mức xác minh 3 (xác minh mức độ cao bằng chứng thư số trên SIM ký số)",
    "done.next.mobile": "Đăng nhập bằng số CMT/CCCD, mật khẩu vừa đặt và mã OTP gửi tới số điện thoại.",
    "done.next.bhxh": "Đăng nhập bằng số CMT/CCCD, mật khẩu vừa đặt và mã OTP gửi tới số điện thoại.",
    "done.next.post": "Đăng nhập bằng số CMT/CCCD, mật khẩu vừa đặt và mã OTP gửi tới số điện thoại.",
    "done.next.usb": "Đăng nhập ở thẻ USB ký số: chọn chứng thư số và nhập mã PIN. "
    "Không dùng mật khẩu, không cần mã OTP.",
    "done.next.sim": "Đăng nhập ở thẻ SIM ký số: nhập {username} rồi xác nhận yêu cầu ký "
    "bằng mã PIN trên điện thoại.",
    "done.to_login": "Đăng nhập ngay",
    # login
    "login.title": "Đăng nhập",
    "login.tab.cccd": "CMT/CCCD",
    "login.tab.usb": "USB ký số",
    "login.tab.sim": "SIM ký số",
    "login.username": "Tên đăng nhập",
    "login.username.ph": "Nhập CMT/CCCD",
    "login.password": "Mật khẩu",
    "login.password.ph": "Nhập mật khẩu",
    "login.submit": "ĐĂNG NHẬP",
    "login.forgot": "Quên mật khẩu",
    "login.go_register": "Chưa có tài khoản? Đăng ký",
    "login.note": "Chú ý: Trường hợp có tài khoản đã đăng ký bằng SĐT hoặc BHXH mà chưa có mật "
    "khẩu, chọn “Quên mật khẩu” và làm theo hướng dẫn.",
    "login.checking": "Đang kiểm tra…",
    "login.invalid": "Tên đăng nhập hoặc mật khẩu không đúng.",
    "login.username_required": "Bạn phải nhập tên đăng nhập.",
    "login.password_required": "Bạn phải nhập mật khẩu.",
    "login.invalid_left": "Tên đăng nhập hoặc mật khẩu không đúng. Còn {left} lần thử trước khi bị "
    "tạm khóa đăng nhập.",
    "login.locked": "Tài khoản tạm khóa do nhập sai mật khẩu {limit} lần. Vui lòng thử lại sau {wait}.",
    "login.unlocked": "Đã hết thời gian tạm khóa; bạn có thể đăng nhập lại.",
    "duration.minute": "{n} phút",
    "duration.minutes": "{n} phút",
    "duration.second": "{n} giây",
    "duration.seconds": "{n} giây",
    # profile
    "profile.title": "Thông tin tài khoản",
    "profile.welcome": "Xin chào, {name}",
    "profile.name": "Họ tên",
    "profile.id": "Số CMT/CCCD",
    "profile.phone": "Số điện thoại",
    "profile.email": "Email",
    "profile.dob": "Ngày sinh",
    "profile.subject": "Đối tượng",
    "profile.method": "Phương thức đăng ký",
    "profile.level": "Mức xác minh",
    "profile.created": "Ngày tạo",
    "profile.none": "(không có)",
    "profile.logout": "Đăng xuất",
    "level.2.mobile": "Mức 2 (đã được xác minh bởi nhà mạng)",
    "level.2.bhxh": "Mức 2 (đã được xác minh qua cơ sở dữ liệu BHXH)",
    "level.2.post": "Mức 2 (đã được xác minh trực tiếp tại Bưu điện)",
    "level.3.usb": "Mức 3 (xác minh mức độ cao, USB ký số)",
    "level.3.sim": "Mức 3 (xác minh mức độ cao, SIM ký số)",
    "profile.org_name": "Tên tổ chức",
    "profile.id.business": "Mã số thuế",
    "profile.id.agency": "Mã định danh cơ quan",
    "profile.representative": "Người đại diện theo pháp luật",
    "profile.login.label": "Cách đăng nhập",
    "profile.login.password": "Số CMT/CCCD + mật khẩu, rồi {ways}",
    "profile.login.or": " hoặc ",
    "profile.login.usb": "USB ký số: chọn chứng thư số và nhập mã PIN (không mật khẩu, không mã OTP)",
    "profile.login.sim": "SIM ký số: nhập {id_label}, xác nhận bằng mã PIN trên điện thoại {phone}",
    "profile.type.citizen": "Tài khoản công dân: mức 2 khi đăng ký bằng thuê bao di động, BHXH hoặc "
    "Bưu điện (đăng nhập bằng mật khẩu và mã OTP); mức 3 khi đăng ký bằng USB ký số hoặc SIM ký số "
    "(đăng nhập bằng chữ ký số). Tên đăng nhập là số CMT/CCCD.",
    "profile.type.business": "Tài khoản doanh nghiệp: chỉ đăng ký và đăng nhập bằng USB ký số hoặc "
    "SIM ký số, mức 3. Tên đăng nhập là mã số thuế.",
    "profile.type.agency": "Tài khoản cơ quan nhà nước: chỉ đăng ký và đăng nhập bằng USB ký số hoặc "
    "SIM ký số, mức 3. Tên đăng nhập là mã định danh cơ quan.",
    # the environment
    "secret.file_fallback": "Không dùng được kho khóa của hệ điều hành; khóa bí mật của bản cài "
    "đặt được lưu trong tệp {path} (quyền 0600).",
    "secret.no_copy": "Không thể sao chép hay cắt mật khẩu hoặc mã PIN; hãy gõ lại khi cần.",
    "error.storage": "Không đọc/ghi được dữ liệu: {detail}",
    "error.unexpected": "Đã xảy ra lỗi không mong muốn; dữ liệu bạn đã nhập vẫn được giữ. Chi tiết: {detail}",
    # a broken environment (store/errors.py): one line each, never a traceback
    "store.open": "Không mở hoặc tạo được tệp dữ liệu {path}: {reason}.",
    "store.not_database": "Tệp {path} không phải cơ sở dữ liệu của dvc-tui (có thể đã hỏng); "
    "dvc-tui không mở và không ghi đè tệp này.",
    "store.newer": "Tệp {path} do một phiên bản dvc-tui mới hơn tạo (lược đồ {version}, bản này chỉ đọc "
    "được tới {supported}); tệp được giữ nguyên, không ghi đè.",
    "store.no_wal": "Không bật được chế độ nhật ký WAL cho {path} ({mode}).",
    "storage.full": "Không ghi được dữ liệu: ổ đĩa đầy. Những gì bạn đã nhập vẫn được giữ; "
    "hãy giải phóng dung lượng rồi thử lại.",
    "storage.read_only": "Không ghi được dữ liệu: thư mục dữ liệu không cho phép ghi. Những gì bạn đã "
    "nhập vẫn được giữ; hãy báo cán bộ hướng dẫn.",
    "storage.busy": "Dữ liệu đang được một máy khác ghi; hãy thử lại sau giây lát. Những gì bạn đã "
    "nhập vẫn được giữ.",
    "storage.corrupt": "Tệp dữ liệu bị hỏng; hãy báo cán bộ hướng dẫn. Những gì bạn đã nhập vẫn được giữ.",
    "storage.failed": "Không đọc/ghi được dữ liệu ({reason}). Những gì bạn đã nhập vẫn được giữ; hãy thử lại.",
    "storage.file": "Không đọc/ghi được dữ liệu: {kind} ({path}: {reason}).",
    "storage.reason.full": "ổ đĩa đầy",
    "storage.reason.denied": "không có quyền truy cập",
    "storage.reason.read_only": "ổ đĩa chỉ cho phép đọc",
    "storage.reason.not_dir": "một phần của đường dẫn là tệp, không phải thư mục",
    "storage.reason.is_dir": "đường dẫn là một thư mục, không phải tệp",
    "storage.reason.missing": "không tìm thấy",
    "storage.reason.busy": "một tiến trình khác giữ khóa ghi quá lâu",
    "storage.reason.corrupt": "tệp bị hỏng",
    "storage.reason.cant_open": "không tạo được tệp bên cạnh (thư mục không cho phép ghi?)",
    "window.too_small": "Cửa sổ quá nhỏ ({width}×{height}); cần ít nhất {min_width}×{min_height}. "
    "Hãy phóng to cửa sổ.",
    "lang.switched": "Đã chuyển sang tiếng Việt.",
    # staff commands
    "cli.accounts.title": "Tài khoản ({count})",
    "cli.col.id": "CMT/CCCD",
    "cli.col.name": "Họ tên",
    "cli.col.phone": "Số điện thoại",
    "cli.col.method": "Phương thức",
    "cli.col.level": "Mức",
    "cli.col.created": "Ngày tạo",
    "cli.sms.title": "Tin nhắn SMS (mô phỏng)",
    "cli.col.time": "Thời gian",
    "cli.col.body": "Nội dung",
    "sms.otp.reset": "Ma OTP lay lai mat khau tai khoan Cong DVC quoc gia cua ban la {code}. "
    "Ma co hieu luc trong {minutes} phut. Neu ban khong yeu cau, hay bo qua tin nhan nay.",
    # -- forgot password
    "forgot.title": "Quên mật khẩu",
    "forgot.intro": "Nhập số CMT/CCCD của tài khoản và mã xác thực. Mã OTP sẽ được gửi tới số "
    "điện thoại đã đăng ký với tài khoản.",
    "forgot.submit": "GỬI MÃ OTP",
    "otp.sent.reset": "Mã xác thực đã được gửi tới số điện thoại của tài khoản: {phone}",
    "reset.subtitle": "Đặt mật khẩu mới cho tài khoản {username}",
    "reset.not_old": "* Mật khẩu mới phải khác mật khẩu cũ.",
    "reset.field": "Nhập mật khẩu mới",
    "reset.confirm": "Xác nhận mật khẩu mới",
    "reset.submit": "ĐỔI MẬT KHẨU",
    "reset.saving": "Đang lưu mật khẩu mới…",
    "reset.same_as_old": "Mật khẩu mới không được trùng với mật khẩu cũ.",
    "reset.code_needed": "Mã OTP chưa được xác nhận hoặc đã quá 15 phút; nhấn Quay lại (Esc) để "
    "nhận mã mới.",
    "reset.done": "Đã đổi mật khẩu. Vui lòng đăng nhập bằng mật khẩu mới.",
    # -- authenticator app
    "totp.code": "Mã từ ứng dụng xác thực",
    "totp.code.ph": "6 chữ số",
    "totp.confirm": "XÁC NHẬN",
    "totp.checking": "Đang kiểm tra mã…",
    "totp.preparing": "Đang tạo khóa…",
    "totp.loading": "Đang tải…",
    "totp.back": "Quay lại",
    "totp.enrol.title": "Bật ứng dụng xác thực",
    "totp.enrol.scan": "1. Mở ứng dụng xác thực trên điện thoại (Google Authenticator, Microsoft "
    "Authenticator, FreeOTP…), chọn thêm tài khoản và quét mã QR.",
    "totp.enrol.key": "2. Hoặc nhập khóa sau (loại: theo thời gian):",
    "totp.enrol.account": "Tài khoản: {issuer} ({account})",
    "totp.enrol.enter": "3. Nhập mã 6 chữ số ứng dụng hiển thị để xác nhận.",
    "totp.enrol.replaces": "Ứng dụng xác thực đang dùng vẫn có hiệu lực cho đến khi bạn xác nhận "
    "mã mới.",
    "totp.enrolled": "Đã bật ứng dụng xác thực. Khi đăng nhập, chọn “Chọn phương thức xác thực "
    "khác” để nhập mã từ ứng dụng.",
    "totp.login.title": "Xác thực bằng ứng dụng",
    "totp.login.prompt": "Mở ứng dụng xác thực và nhập mã 6 chữ số của tài khoản {issuer} "
    "({account}). Mã đổi sau mỗi 30 giây.",
    "totp.login.missing": "Tài khoản này chưa bật ứng dụng xác thực. Quay lại để đăng nhập bằng "
    "mã OTP gửi qua SMS; sau khi đăng nhập, bạn có thể bật ứng dụng xác thực tại trang Thông tin "
    "tài khoản.",
    "totp.profile.sms": "mã OTP qua SMS",
    "totp.profile.app": "mã từ ứng dụng xác thực (bật lúc {time})",
    "totp.profile.enrol": "Bật ứng dụng xác thực",
    "totp.profile.reenrol": "Cài lại ứng dụng xác thực",
    "totp.required": "Bạn phải nhập mã từ ứng dụng xác thực.",
    "totp.format": "Mã từ ứng dụng xác thực gồm {digits} chữ số.",
    "totp.wrong": "Mã không đúng. Còn {left} lần thử.",
    "totp.wrong_enrol": "Mã không đúng. Hãy nhập mã ứng dụng đang hiển thị cho tài khoản này và "
    "kiểm tra giờ của điện thoại.",
    "totp.used": "Mã này đã được sử dụng; chờ ứng dụng hiện mã mới (tối đa 30 giây) rồi nhập lại.",
    "totp.locked": "Ứng dụng xác thực đang tạm khóa do nhập sai nhiều lần; thử lại sau {minutes} "
    "phút, hoặc quay lại để đăng nhập bằng mã OTP qua SMS.",
    "totp.locked_now": "Bạn đã nhập sai {limit} lần; ứng dụng xác thực bị tạm khóa {minutes} phút. "
    "Bạn vẫn có thể quay lại để đăng nhập bằng mã OTP qua SMS.",
    "totp.not_enrolled": "Tài khoản này chưa bật ứng dụng xác thực.",
    "totp.no_pending": "Không có khóa nào đang chờ xác nhận; vui lòng mở lại trang bật ứng dụng "
    "xác thực.",
    "totp.unreadable": "Không đọc được khóa của ứng dụng xác thực (khóa bí mật của bản cài đặt đã "
    "thay đổi). Hãy đăng nhập bằng mã OTP qua SMS rồi bật lại ứng dụng xác thực.",
    # -- social insurance (BHXH) registration
    "bhxh.subtitle": "Bảo hiểm xã hội (Chỉ dành cho công dân)",
    "field.bhxh": "Mã số BHXH",
    "field.bhxh.ph": "10 chữ số, trên thẻ BHYT hoặc sổ BHXH",
    "bhxh.note": "* Mã xác thực được gửi tới số điện thoại đã đăng ký với cơ quan Bảo hiểm xã hội.",
    "bhxh.required": "Bạn phải nhập mã số BHXH.",
    "bhxh.digits": "Mã số BHXH chỉ gồm chữ số.",
    "bhxh.length": "Mã số BHXH có 10 chữ số; bạn đã nhập {length} số.",
    "bhxh.format": "Mã số BHXH không hợp lệ.",
    "bhxh.unknown": "Mã số BHXH không có trong cơ sở dữ liệu của Bảo hiểm xã hội Việt Nam.",
    "bhxh.mismatch.id": "Số CMT/CCCD không khớp với thông tin của mã số BHXH này.",
    "bhxh.mismatch.name": "Họ tên không khớp với thông tin của mã số BHXH này.",
    "bhxh.mismatch.dob": "Ngày sinh không khớp với thông tin của mã số BHXH này.",
    # -- signing tokens
    "token.pin_required": "Bạn phải nhập mã PIN của USB ký số.",
    "token.pin_format": "Mã PIN gồm {min} đến {max} chữ số.",
    "token.pin_wrong": "Mã PIN không đúng. Còn {left} lần thử trước khi USB ký số bị khóa.",
    "token.locked_now": "Bạn đã nhập sai mã PIN {limit} lần; USB ký số đã bị khóa. Vui lòng liên "
    "hệ tổ chức cung cấp dịch vụ chứng thực chữ ký số để mở khóa.",
    "token.locked": "USB ký số đã bị khóa do nhập sai mã PIN {limit} lần. Vui lòng liên hệ tổ chức "
    "cung cấp dịch vụ chứng thực chữ ký số để mở khóa.",
    "token.kind": "Đối tượng phải là công dân (citizen), doanh nghiệp (business) hoặc cơ quan nhà "
    "nước (agency).",
    "token.days": "Thời hạn của chứng thư số từ {min} đến {max} ngày.",
    "token.serial_format": "Số sê-ri gồm {digits} chữ số thập lục phân (0–9, A–F); có thể chỉ nhập "
    "{prefix} chữ số đầu trở lên.",
    "token.not_found": "Không có USB ký số nào có số sê-ri {serial}.",
    "token.ambiguous": "Có nhiều USB ký số có số sê-ri bắt đầu bằng {serial}; vui lòng nhập thêm "
    "chữ số.",
    "token.damaged": "Dữ liệu trên USB ký số bị hỏng hoặc không đọc được.",
    "token.cert_unreadable": "Không đọc được chứng thư số trên USB ký số.",
    "token.foreign_ca": "Chứng thư số do “{issuer}” cấp, không phải “{ca}” mà Cổng tin cậy; không "
    "được chấp nhận.",
    "token.cert_tampered": "Chữ ký của “{ca}” trên chứng thư số không hợp lệ: chứng thư số đã bị "
    "sửa đổi; không được chấp nhận.",
    "token.cert_usage": "Chứng thư số này không dùng để ký số xác thực (không phải chứng thư số của "
    "thuê bao).",
    "token.not_yet_valid": "Chứng thư số chưa có hiệu lực; có hiệu lực từ {date}.",
    "token.expired": "Chứng thư số đã hết hạn lúc {date}; vui lòng gia hạn với tổ chức cung cấp "
    "dịch vụ chứng thực chữ ký số.",
    "token.revoked": "Chứng thư số đã bị thu hồi lúc {date}; không được chấp nhận.",
    "token.already_revoked": "Chứng thư số {serial} đã bị thu hồi từ {date}.",
    "token.ca_invalid": "Chứng thư số của “{ca}” không còn hiệu lực; không kiểm tra được USB ký số.",
    "token.ca_unreadable": "Không đọc được chứng thư số hoặc danh sách thu hồi của tổ chức chứng "
    "thực mô phỏng.",
    "token.ca_key": "Không mở được khóa của tổ chức chứng thực mô phỏng bằng khóa bí mật của bản "
    "cài đặt này (khóa bí mật đã thay đổi?); không cấp hoặc thu hồi được chứng thư số.",
    "token.crl_invalid": "Danh sách chứng thư số bị thu hồi không mang chữ ký hợp lệ của “{ca}”; "
    "không kiểm tra được USB ký số.",
    "token.signature_invalid": "Chữ ký số trên mã thử thách không khớp với chứng thư số; không được "
    "chấp nhận.",
    "token.challenge_unknown": "Mã thử thách không do Cổng cấp hoặc đã được dùng; vui lòng đăng "
    "nhập lại.",
    "token.challenge_expired": "Mã thử thách đã hết hạn (hiệu lực 2 phút); vui lòng đăng nhập lại.",
    "token.status.valid": "Còn hiệu lực",
    "token.status.locked": "Đã khóa (sai PIN)",
    "token.status.not_yet_valid": "Chưa có hiệu lực",
    "token.status.expired": "Hết hạn",
    "token.status.revoked": "Đã thu hồi",
    "token.status.foreign": "Do CA khác cấp",
    "token.status.tampered": "Bị sửa đổi",
    "token.status.invalid": "Không hợp lệ",
    "token.status.damaged": "Hỏng",
    "token.failed_pins": "sai PIN {count}/{limit}",
    "token.id.cccd": "CCCD",
    "token.id.cmnd": "CMND",
    "token.id.mst": "Mã số thuế",
    "token.id.mdd": "Mã định danh",
    "mst.required": "Bạn phải nhập mã số thuế.",
    "mst.digits": "Mã số thuế chỉ gồm chữ số, và dấu gạch ngang trước 3 số của chi nhánh.",
    "mst.length": "Mã số thuế có 10 số, hoặc 13 số với chi nhánh; bạn đã nhập {length} số.",
    "mst.format": "Mã số thuế viết dạng 0109998883 hoặc 0109998883-001.",
    "mst.sequence": "Chữ số thứ 3 đến 9 của mã số thuế (số thứ tự) không được đều là 0.",
    "mst.branch": "Mã chi nhánh (3 số cuối của mã số thuế) từ 001 đến 999.",
    "mst.checksum": "Mã số thuế không hợp lệ: chữ số kiểm tra (chữ số thứ 10) không đúng.",
    "agency.required": "Bạn phải nhập mã định danh của cơ quan.",
    "agency.format": "Mã định danh điện tử của cơ quan có dạng 000.00.00.H29: ba số, hai số, hai "
    "số, rồi một chữ cái in hoa và hai số, cách nhau bằng dấu chấm.",
    "org_name.required": "Bạn phải nhập tên tổ chức.",
    "org_name.chars": "Tên tổ chức có ký tự không hợp lệ: {char}.",
    "org_name.length": "Tên tổ chức dài từ 2 đến 200 ký tự.",
    "cli.token.title": "USB ký số đang cắm ({count})",
    "cli.token.none": "Chưa có USB ký số nào. Tạo bằng “dvc-tui token new …” hoặc “dvc-tui token "
    "training”.",
    "cli.token.col.serial": "Số sê-ri",
    "cli.token.col.holder": "Chủ thể",
    "cli.token.col.id": "Mã định danh",
    "cli.token.col.from": "Hiệu lực từ",
    "cli.token.col.to": "Đến",
    "cli.token.col.state": "Trạng thái",
    "cli.token.col.pin": "PIN",
    "cli.token.col.made": "Lần này",
    "cli.token.created": "Đã tạo USB ký số {serial} cho {name} ({identifier}), hiệu lực đến {until}.",
    "cli.token.revoked": "Đã thu hồi chứng thư số {serial} của {name}.",
    "cli.token.training.title": "USB ký số luyện tập",
    "cli.token.training.made": "mới tạo",
    "cli.token.training.kept": "đã có",
    # -- Vietnam Post (register_post)
    "post.subtitle": "Bưu điện Việt Nam (Chỉ dành cho công dân)",
    "post.staff": "Quầy Bưu điện – màn hình dành cho nhân viên",
    "post.staff.intro": "Kiểm tra giấy tờ bản gốc của công dân tại quầy, đánh dấu từng mục, rồi "
    "nhập thông tin đúng như trên CCCD/CMND.",
    "post.papers.title": "1. Kiểm tra giấy tờ (bắt buộc đủ các mục)",
    "post.details.title": "2. Thông tin công dân",
    "post.paper.id_card": "Bản gốc CCCD/CMND, còn hạn",
    "post.paper.portrait": "Ảnh trên thẻ khớp người đến quầy",
    "post.paper.own_phone": "SĐT chính chủ, công dân đang cầm máy",
    "post.paper.signed_form": "Đã ký Phiếu đề nghị đăng ký tài khoản",
    "post.papers_missing": "Chưa kiểm tra: {papers}. Phải kiểm tra và đánh dấu đủ các mục trước "
    "khi đăng ký.",
    "post.note": "* Sau khi ĐĂNG KÝ, công dân nhận tin nhắn kích hoạt có mã xác thực, tự nhập mã "
    "và tự đặt mật khẩu (nhân viên không nhập thay).",
    "sms.activation.post": "Ma kich hoat tai khoan Cong DVC quoc gia (dang ky tai quay Buu dien "
    "Viet Nam) cua ban la {code}. Ma co hieu luc trong {minutes} phut. Khong cung cap ma cho "
    "nhan vien hay bat ky ai.",
    # -- USB ký số screens (register_usb, login_usb)
    "usb.subtitle": "USB ký số (Xác minh mức độ cao) – {subject}",
    "usb.step.pick": "Chọn chứng thư số trên USB ký số đang cắm (↑/↓ rồi Enter), nhập mã PIN:",
    "usb.pin": "Mã PIN của USB ký số",
    "usb.pin.ph": "6 đến 8 chữ số",
    "usb.read": "ĐỌC CHỨNG THƯ SỐ",
    "usb.reading": "Đang ký mã thử thách bằng USB ký số và kiểm tra chứng thư số…",
    "usb.choose_first": "Vui lòng chọn một USB ký số còn dùng được trong danh sách.",
    "usb.kind.citizen": "công dân",
    "usb.kind.business": "doanh nghiệp",
    "usb.kind.agency": "cơ quan nhà nước",
    "usb.kind_mismatch": "Chứng thư số cấp cho {kind}: không dùng để đăng ký tài khoản {subject}.",
    "usb.list.loading": "Đang đọc các USB ký số đang cắm…",
    "usb.list.none": "Chưa có USB ký số nào được cắm. Để luyện tập, chạy “{command} token training” "
    "(các USB ký số mẫu) hoặc “{command} token new …” trong một cửa sổ dòng lệnh khác, rồi nhấn "
    "“Làm mới”.",
    "usb.list.none_usable": "Không có USB ký số nào dùng được ở đây; lý do ghi dưới từng USB ký số.",
    "usb.list.refresh": "Làm mới",
    "usb.list.chosen": "Đã chọn: {name} ({identifier})",
    "usb.list.until": "hiệu lực đến {date}",
    "usb.list.no_holder": "(không đọc được chủ thể)",
    "usb.review.title": "Thông tin trên chứng thư số",
    "usb.review.verified": "USB ký số đã ký đúng mã thử thách của Cổng: chứng thư số hợp lệ.",
    "usb.review.name.citizen": "Họ tên",
    "usb.review.name.business": "Tên doanh nghiệp",
    "usb.review.name.agency": "Tên cơ quan",
    "usb.review.email": "Email",
    "usb.review.none": "(không có)",
    "usb.review.issuer": "Tổ chức cấp",
    "usb.review.valid": "Hiệu lực đến",
    "usb.review.serial": "Số sê-ri",
    "usb.representative": "Họ tên người đại diện theo pháp luật",
    "usb.email.ph.org": "Email liên hệ của tổ chức",
    "usb.email_required": "Bạn phải nhập email: Cổng yêu cầu email của doanh nghiệp, cơ quan.",
    "usb.email_from_cert": "Lấy từ chứng thư số; có thể sửa.",
    "usb.note": "* Không cần số điện thoại, mật khẩu hay mã OTP: mỗi lần đăng nhập, USB ký số ký một "
    "mã thử thách ngẫu nhiên của Cổng bằng mã PIN của bạn.",
    "usb.registering": "Đang tạo tài khoản…",
    "usb.exists": "{username} đã có tài khoản trên Cổng Dịch vụ công quốc gia (đăng ký bằng {method}); "
    "không cần đăng ký lại. Hãy đăng nhập: {way}.",
    "usb.exists_gone": "Tên đăng nhập này vừa được dùng; vui lòng thử lại.",
    "usb.way.usb": "Trang chủ → Đăng nhập → thẻ “USB ký số”, chọn chứng thư số này và nhập mã PIN",
    "usb.way.sim": "Trang chủ → Đăng nhập → thẻ “SIM ký số”",
    "usb.way.password": "Trang chủ → Đăng nhập → thẻ “CMT/CCCD”, bằng mật khẩu và mã OTP "
    "(quên mật khẩu thì dùng “Quên mật khẩu”)",
    "usb.login.intro": "Chọn chứng thư số trên USB ký số đang cắm, nhập mã PIN rồi nhấn ĐĂNG NHẬP. "
    "Không cần mật khẩu hay mã OTP.",
    "usb.logging_in": "Đang ký mã thử thách bằng USB ký số và kiểm tra chữ ký số…",
    "usb.login.no_account": "Chữ ký số hợp lệ, nhưng {identifier} ({name}) chưa có tài khoản. Hãy đăng "
    "ký: “Chưa có tài khoản? Đăng ký” → {subject} → USB ký số.",
    "usb.login.other_method": "Tài khoản {username} được đăng ký bằng {method}, không phải USB ký số. "
    "Vui lòng đăng nhập theo cách đã đăng ký: {way}.",
    # -- SIM ký số (register_sim, login_sim, phone pane)
    "sim.unverifiable": "Không kiểm tra được chứng thư số của SIM ký số: chứng thư của tổ chức cấp hoặc "
    "danh sách thu hồi không hợp lệ. Báo cho người phụ trách lớp học.",
    "key.sim_pin": "Tới yêu cầu ký",
    "sim.pin_required": "Bạn phải nhập mã PIN của SIM ký số.",
    "sim.pin_format": "Mã PIN của SIM ký số gồm {min} đến {max} chữ số.",
    "sim.pin_wrong": "Sai mã PIN, còn {left} lần thử trước khi SIM ký số bị khóa.",
    "sim.locked_now": "Bạn đã nhập sai mã PIN {limit} lần; chức năng ký số của SIM đã bị khóa. Vui "
    "lòng liên hệ nhà mạng để mở khóa.",
    "sim.locked": "Chức năng ký số của SIM đã bị khóa do nhập sai mã PIN {limit} lần. Vui lòng liên "
    "hệ nhà mạng để mở khóa.",
    "sim.damaged": "Dữ liệu ký số trên SIM bị hỏng hoặc không đọc được.",
    "sim.none": "Số điện thoại {phone} không có SIM ký số (chưa được nhà mạng cấp chứng thư số).",
    "sim.id_mismatch": "Chứng thư số trên SIM ký số của số điện thoại này không cấp cho {username}.",
    "sim.name_mismatch": "Tên không khớp với tên trên chứng thư số của SIM ký số.",
    "sim.too_many": "Số điện thoại này đã nhận {limit} yêu cầu ký trong một giờ; vui lòng thử lại sau.",
    "sim.request_unknown": "Không tìm thấy yêu cầu ký này.",
    "sim.signature_invalid": "Chữ ký số gửi về không khớp với chứng thư số của SIM; không được chấp "
    "nhận.",
    "sim.declined": "Yêu cầu ký đã bị từ chối trên điện thoại.",
    "sim.expired": "Yêu cầu ký đã hết hạn (hiệu lực 2 phút) mà chưa được xác nhận.",
    "sim.locked_request": "Yêu cầu ký không được xác nhận: SIM ký số đã bị khóa do nhập sai mã PIN.",
    "sim.cancelled": "Yêu cầu ký đã được thay bằng một yêu cầu mới hoặc đã bị hủy.",
    "sim.used": "Chữ ký của yêu cầu này đã được sử dụng; vui lòng gửi yêu cầu mới.",
    "sim.closed.approved": "Yêu cầu này đã được xác nhận.",
    "sim.closed.declined": "Yêu cầu này đã bị từ chối.",
    "sim.closed.expired": "Yêu cầu này đã hết hạn.",
    "sim.closed.locked": "SIM ký số đã bị khóa; không ký được yêu cầu này.",
    "sim.closed.cancelled": "Yêu cầu này đã bị hủy.",
    "sim.purpose.register": "Đăng ký Cổng DVC quốc gia",
    "sim.purpose.login": "Đăng nhập Cổng DVC quốc gia",
    "sim.subtitle": "SIM ký số (Xác minh mức độ cao) – {subject}",
    "sim.field.phone": "Số điện thoại có SIM ký số",
    "sim.field.phone.ph": "Ví dụ: 0703000333",
    "sim.field.tax_code": "Tên đăng nhập (Mã số thuế)",
    "sim.field.tax_code.ph": "10 số, hoặc 13 số với chi nhánh (0109998883-001)",
    "sim.field.agency_code": "Tên đăng nhập (Mã định danh cơ quan)",
    "sim.field.agency_code.ph": "Ví dụ: 000.00.01.H99",
    "sim.field.org_name.business": "Tên doanh nghiệp",
    "sim.field.org_name.agency": "Tên cơ quan",
    "sim.field.org_name.ph": "Như trên chứng thư số",
    "sim.field.representative": "Người đại diện theo pháp luật",
    "sim.field.email.ph": "Email liên hệ của tổ chức",
    "sim.email_required": "Bạn phải nhập email của tổ chức.",
    "sim.note": "* Lưu ý: số điện thoại phải có SIM ký số do nhà mạng cấp, chứng thư số đứng tên "
    "người (hoặc tổ chức) đăng ký. Nhấn ĐĂNG KÝ để gửi yêu cầu ký tới điện thoại, rồi nhập mã PIN "
    "của SIM trên điện thoại (khung Tin nhắn bên phải).",
    "sim.exists.org": "{username} đã có tài khoản trên Cổng Dịch vụ công quốc gia. Hãy đăng nhập ở "
    "thẻ USB ký số hoặc SIM ký số.",
    "sim.sending": "Đang gửi yêu cầu ký tới SIM ký số…",
    "sim.wait.title": "Đang chờ xác nhận trên điện thoại {phone}",
    "sim.wait.left": "Thời gian còn lại: {time}",
    "sim.wait.hint": "Trên điện thoại (khung Tin nhắn bên phải; F6 để tới), nhập mã PIN của SIM ký số "
    "và chọn Xác nhận.",
    "sim.wait.checking": "Điện thoại đã ký; đang kiểm tra chữ ký số…",
    "sim.wait.ended": "Yêu cầu ký đã gửi tới điện thoại {phone}",
    "sim.resend": "Gửi lại yêu cầu",
    "sim.card.header": "SIM ký số → {phone} · {time}",
    "sim.card.body": "Yêu cầu ký số của Cổng Dịch vụ công quốc gia\nNội dung: {what}\nTài khoản: {username}",
    "sim.card.left": "Còn lại {time}",
    "sim.card.pin.ph": "Mã PIN của SIM",
    "sim.card.approve": "Xác nhận",
    "sim.card.decline": "Từ chối",
    "sim.card.signing": "Đang xử lý…",
    "sim.card.approved": "✓ Đã xác nhận lúc {time}",
    "sim.card.declined": "✗ Đã từ chối lúc {time}",
    "sim.card.expired": "Đã hết hạn, chưa được xác nhận",
    "sim.card.locked": "SIM ký số đã bị khóa",
    "sim.card.cancelled": "Đã hủy",
    "sim.login.username": "Tên đăng nhập",
    "sim.login.username.ph": "CMT/CCCD, mã số thuế hoặc mã định danh cơ quan",
    "sim.login.note": "Yêu cầu ký sẽ được gửi tới số điện thoại có SIM ký số của tài khoản; xác nhận "
    "bằng mã PIN của SIM trên điện thoại. Không dùng mật khẩu, không cần mã OTP.",
    "sim.login.submit": "ĐĂNG NHẬP",
    "sim.login.unknown": "Không có tài khoản đăng ký bằng SIM ký số với tên đăng nhập này. Tài khoản "
    "đăng ký cách khác đăng nhập ở thẻ CMT/CCCD hoặc USB ký số.",
    # -- training mode, guide, language switch
    "key.training": "Luyện tập",
    "training.zone": "vùng {n}",
    "training.on": "Chế độ luyện tập: các vùng mang số của tờ hướng dẫn; khung Hướng dẫn ở dưới.",
    "training.off": "Đã tắt chế độ luyện tập.",
    "lang.busy": "Đang xử lý; vui lòng đổi ngôn ngữ khi xong.",
    "guide.title": "Hướng dẫn",
    "guide.title.step": "Hướng dẫn · Bước {n}/{total}",
    "guide.next.label": "Tiếp theo",
    "guide.hint.label": "Quy tắc",
    "guide.home": "Trang chủ Cổng Dịch vụ công quốc gia.",
    "guide.home.next": "Đăng ký: chọn “Đăng ký” (bước 1/5). Đã có tài khoản: chọn “Đăng nhập” (vùng 1).",
    "guide.choose-subject": "Chọn phương thức đăng ký: chọn đối tượng trong vùng 3.",
    "guide.choose-subject.next": "Người dân chọn “Công dân”; doanh nghiệp, cơ quan chọn đúng loại của mình. "
    "Sau đó chọn phương thức (vùng 4).",
    "guide.choose-method": "Chọn phương thức đăng ký trong vùng 4, theo mức xác minh.",
    "guide.choose-method.next": "Công dân có điện thoại chính chủ chọn “Thuê bao di động”; doanh nghiệp, "
    "cơ quan chỉ dùng USB ký số hoặc SIM ký số. Tiếp theo là biểu mẫu (vùng 6).",
    "guide.register-mobile": "Điền các trường có dấu * trong vùng 6: số CMT/CCCD, họ tên, ngày sinh, "
    "số điện thoại chính chủ, mã xác thực.",
    "guide.register-mobile.next": "Nhấn “ĐĂNG KÝ” (vùng 7); mã OTP sẽ được gửi về số điện thoại.",
    "guide.register-bhxh": "Nhập mã số BHXH (10 số) và số CMT/CCCD, họ tên, ngày sinh đúng như trên "
    "sổ BHXH (vùng 6), rồi mã xác thực.",
    "guide.register-bhxh.next": "Nhấn “ĐĂNG KÝ” (vùng 7); mã OTP gửi tới số điện thoại BHXH đang lưu.",
    "guide.register-post": "Quầy Bưu điện: nhân viên kiểm tra đủ giấy tờ, rồi nhập thông tin của "
    "người dân (vùng 6).",
    "guide.register-post.next": "Nhấn “ĐĂNG KÝ” (vùng 7); người dân nhận mã kích hoạt bằng SMS.",
    "guide.register-usb": "Chọn chứng thư số trên USB đã cắm, nhập mã PIN và đọc chứng thư; kiểm tra "
    "thông tin, email, mã xác thực (vùng 6).",
    "guide.register-usb.next": "Nhấn “ĐĂNG KÝ” (vùng 7): tài khoản mức 3, đăng nhập bằng USB ký số.",
    "guide.register-sim": "Nhập tên đăng nhập, họ tên, số điện thoại có SIM ký số, email và mã xác "
    "thực (vùng 6).",
    "guide.register-sim.next": "Nhấn “ĐĂNG KÝ” (vùng 7), rồi nhập mã PIN của SIM trên điện thoại "
    "(khung tin nhắn, F6) trong 2 phút.",
    "guide.otp-register": "Xác thực mã OTP: mã 6 số vừa gửi tới số điện thoại (xem khung tin nhắn).",
    "guide.otp-register.next": "Nhập mã và nhấn “XÁC NHẬN” (vùng 8); chưa nhận được thì “Gửi lại "
    "OTP”. Sau đó đặt mật khẩu (vùng 9).",
    "guide.otp-login": "Mã OTP đăng nhập đã gửi tới số điện thoại của tài khoản; nhập vào vùng 3.",
    "guide.otp-login.next": "Nhấn “XÁC NHẬN” (vùng 4). Dùng ứng dụng xác thực: “Chọn phương thức xác "
    "thực khác” (vùng 5).",
    "guide.otp-reset": "Quên mật khẩu: nhập mã OTP gửi tới số điện thoại của tài khoản.",
    "guide.otp-reset.next": "Nhấn “XÁC NHẬN”, rồi đặt mật khẩu mới trong 15 phút.",
    "guide.set-password": "Đặt mật khẩu (vùng 9): nhập mật khẩu và xác nhận lại đúng như vậy.",
    "guide.set-password.next": "Khi đủ các ô trong danh sách, nhấn “ĐĂNG KÝ” để tạo tài khoản.",
    "guide.registered": "Đăng ký thành công: tài khoản đã được tạo.",
    "guide.registered.next": "Chọn “Đăng nhập ngay” để thử đăng nhập bằng tài khoản vừa tạo.",
    "guide.login": "Đăng nhập: thẻ CMT/CCCD (vùng 1); nhập tên đăng nhập và mật khẩu.",
    "guide.login.next": "Nhấn “ĐĂNG NHẬP” (vùng 2); mã OTP sẽ gửi tới số điện thoại. Chưa có mật khẩu: "
    "“Quên mật khẩu”.",
    "guide.login-usb": "Đăng nhập bằng USB ký số (vùng 1): chọn chứng thư số và nhập mã PIN.",
    "guide.login-usb.next": "Nhấn “ĐĂNG NHẬP” (vùng 2): USB ký một thử thách, không cần mật khẩu.",
    "guide.login-sim": "Đăng nhập bằng SIM ký số (vùng 1): nhập tên đăng nhập.",
    "guide.login-sim.next": "Nhấn “ĐĂNG NHẬP” (vùng 2), rồi xác nhận bằng mã PIN của SIM trên điện thoại.",
    "guide.forgot-password": "Quên mật khẩu: nhập số CMT/CCCD của tài khoản và mã xác thực.",
    "guide.forgot-password.next": "Nhấn “GỬI MÃ OTP”; mã gửi tới số điện thoại của tài khoản.",
    "guide.reset-password": "Đặt mật khẩu mới, khác mật khẩu cũ, theo cùng quy tắc.",
    "guide.reset-password.next": "Nhấn “ĐỔI MẬT KHẨU”, rồi đăng nhập bằng mật khẩu mới.",
    "guide.profile": "Đã đăng nhập: thông tin tài khoản, mức xác minh và cách đăng nhập.",
    "guide.profile.next": "Có thể bật ứng dụng xác thực; “Đăng xuất” để về trang chủ.",
    "guide.totp-enrol": "Quét mã QR hoặc nhập khóa vào ứng dụng xác thực trên điện thoại.",
    "guide.totp-enrol.next": "Nhập mã 6 số ứng dụng hiện ra để xác nhận.",
    "guide.totp-login": "Xác thực bằng ứng dụng xác thực thay cho mã SMS.",
    "guide.totp-login.next": "Nhập mã 6 số đang hiện trong ứng dụng và xác nhận.",
    "guide.hint.id": "CMT có 9 số; CCCD có 12 số: 3 số đầu là mã tỉnh, số thứ 4 là thế kỷ sinh và "
    "giới tính, số thứ 5–6 là năm sinh.",
    "guide.hint.name": "Họ tên như trên giấy tờ: chữ cái có dấu, một dấu cách giữa các từ, 2–100 ký tự.",
    "guide.hint.org_name": "Tên tổ chức như trên giấy đăng ký hoặc chứng thư số.",
    "guide.hint.dob": "Ngày sinh dạng dd/mm/yyyy, là ngày có thật, từ năm 1900, không ở tương lai.",
    "guide.hint.phone": "Số di động Việt Nam 10 số (0xxxxxxxxx) hoặc +84…",
    "guide.hint.phone_owner": "Thuê bao phải đăng ký chính chủ: đứng tên đúng số CMT/CCCD đã nhập.",
    "guide.hint.email": "Email không bắt buộc; nếu nhập, phải có dạng ten@mien.vn.",
    "guide.hint.captcha": "Mã xác thực gồm 6 ký tự hiện bên cạnh, không phân biệt hoa thường; sai "
    "thì có mã mới (F5).",
    "guide.hint.exists": "Mỗi số CMT/CCCD chỉ có một tài khoản: dùng “Quên mật khẩu”, đến quầy một cửa, "
    "hoặc khiếu nại.",
    "guide.hint.otp": "Mã OTP 6 số, hiệu lực 5 phút, dùng một lần; sai 5 lần thì mã bị hủy; gửi lại "
    "sau 60 giây.",
    "guide.hint.password": "Mật khẩu 8 ký tự trở lên gồm chữ thường, chữ in hoa, số và ký tự đặc biệt.",
    "guide.hint.password_personal": "Mật khẩu không được chứa số CMT/CCCD, số điện thoại, ngày sinh hay họ tên "
    "(viết hoa hay thường, có dấu hay không dấu đều tính).",
    "guide.hint.password_strong": "Tránh mật khẩu phổ biến, dãy phím, ngày tháng; nên ghép vài từ ít gặp, "
    "dài 12 ký tự trở lên.",
    "guide.hint.login": "Tên đăng nhập là số CMT/CCCD; sai tên hay sai mật khẩu đều báo như nhau.",
    "guide.hint.login_locked": "Sai mật khẩu 5 lần liên tiếp thì đăng nhập bị tạm khóa 1 phút, lần "
    "sau 2, 4, 8, tối đa 15 phút. Quên mật khẩu thì dùng “Quên mật khẩu” để đặt mật khẩu mới.",
    "guide.hint.bhxh": "Mã số BHXH 10 số; số CMT/CCCD, họ tên, ngày sinh phải khớp cơ sở dữ liệu BHXH.",
    "guide.hint.mst": "Mã số thuế 10 số, hoặc 13 số với mã chi nhánh (0109998883-001).",
    "guide.hint.agency": "Mã định danh cơ quan dạng 000.00.00.H29.",
    "guide.hint.token": "Chứng thư số phải còn hạn, do CA cấp, chưa thu hồi; PIN 6–8 số, sai 5 lần "
    "thì USB bị khóa.",
    "guide.hint.sim": "Yêu cầu ký trên SIM hết hạn sau 2 phút; PIN của SIM sai 5 lần thì SIM bị khóa.",
    "guide.hint.totp": "Mã ứng dụng xác thực 6 số, đổi mỗi 30 giây; mỗi mã dùng một lần.",
    "guide.hint.post": "Nhân viên phải kiểm tra đủ mọi giấy tờ trước khi nhập thông tin.",
    # -- kiosk mode
    "kiosk.countdown": "Phiên sẽ được xóa sau {seconds} giây – nhấn phím bất kỳ để tiếp tục",
    "kiosk.pin.title.quit": "Thoát trình mô phỏng",
    "kiosk.pin.title.leave": "Tắt chế độ kiosk",
    "kiosk.pin.intro": "Chỉ dành cho giảng viên: nhập mã PIN giảng viên. Esc để quay lại.",
    "kiosk.pin.label": "Mã PIN giảng viên",
    "kiosk.pin.submit": "Xác nhận",
    "kiosk.pin.back": "Quay lại",
    "kiosk.pin.checking": "Đang kiểm tra mã PIN…",
    "kiosk.pin_required": "Vui lòng nhập mã PIN giảng viên.",
    "kiosk.pin_format": "Mã PIN giảng viên gồm {min} đến {max} chữ số.",
    "kiosk.pin_weak": "Mã PIN quá dễ đoán (lặp lại hoặc là dãy số liên tiếp như 123456). Vui lòng chọn mã khác.",
    "kiosk.pin_mismatch": "Hai lần nhập mã PIN không khớp.",
    "kiosk.pin_wrong": "Mã PIN không đúng. Còn {left} lần thử trước khi phải chờ.",
    "kiosk.pin_wait": "Nhập sai mã PIN quá nhiều lần. Vui lòng thử lại sau {seconds} giây.",
    "kiosk.pin_not_set": "Chưa đặt mã PIN giảng viên (dvc-tui kiosk set-pin).",
    "kiosk.left": "Đã tắt chế độ kiosk. Nhấn Ctrl+Q để thoát.",
    "cli.kiosk.prompt": "Mã PIN giảng viên mới ({min}-{max} chữ số): ",
    "cli.kiosk.prompt_again": "Nhập lại mã PIN: ",
    "cli.kiosk.no_tty": "Không có bàn phím để nhập mã PIN; dùng --pin-stdin để đọc mã từ đầu vào chuẩn.",
    "cli.kiosk.saved.keyring": "Đã lưu mã PIN giảng viên (chỉ lưu dạng băm Argon2id) trong keyring của hệ điều hành.",
    "cli.kiosk.saved.file": "Đã lưu mã PIN giảng viên (chỉ lưu dạng băm Argon2id) trong tệp {path} (quyền 0600).",
    "cli.kiosk.status.keyring": "Mã PIN giảng viên: đã đặt (keyring của hệ điều hành).",
    "cli.kiosk.status.file": "Mã PIN giảng viên: đã đặt (tệp {path}).",
    "cli.kiosk.status.unset": "Mã PIN giảng viên: chưa đặt. Đặt bằng: dvc-tui kiosk set-pin",
    "cli.kiosk.status.mode": "Chế độ kiosk khi chạy: {state}; xóa phiên sau {seconds} giây không thao tác.",
    "cli.kiosk.on": "bật",
    "cli.kiosk.off": "tắt",
    "cli.kiosk.no_pin": "Chế độ kiosk cần mã PIN giảng viên. Đặt trước bằng: dvc-tui kiosk set-pin",
    "cli.hash_cost_invalid": "Chi phí băm mật khẩu \"{given}\" không dùng được: chọn production, low, test hoặc ghi rõ t=SỐ_LƯỢT,m=KiB,p=SỐ_LUỒNG (ví dụ t=2,m=65536,p=1).",
    "cli.kiosk.idle_invalid": "thời gian chờ là một số giây nguyên từ {min} đến {max}.",
    # -- phone app, training data, info screen
    "key.info": "Thông tin",
    "phoneapp.title": "Điện thoại mô phỏng · {number}",
    "phoneapp.all": "tất cả số",
    "phoneapp.hint": "Tin nhắn SMS và yêu cầu ký số gửi tới điện thoại, mới nhất ở trên. F6: tới "
    "yêu cầu ký; q: thoát.",
    "info.title": "Thông tin",
    "info.subtitle": "Từ tờ hướng dẫn của phường 3",
    "info.zalo.kind": "Nhóm Zalo",
    "info.zalo.group": "CÔNG NGHỆ SỐ CỘNG ĐỒNG",
    "info.zalo.scan": "Mở Zalo, bấm quét mã QR này để tham gia",
    "info.directive": "Người dân và doanh nghiệp sử dụng Zalo quét mã QR CÔNG NGHỆ SỐ CỘNG ĐỒNG hoặc "
    "link {url} để tiếp nhận thông tin tuyên truyền trên địa bàn phường 3 theo tinh thần Chỉ thị số "
    "02/CT-TTg ngày 26/4/2022 của Thủ tướng Chính phủ về phát triển Chính phủ điện tử, hướng tới "
    "Chính phủ số, thúc đẩy chuyển đổi số quốc gia.",
    "info.portal": "Thực hiện số hóa hồ sơ bằng tài khoản dịch vụ công quốc gia ({url}) và kết quả "
    "giải quyết thủ tục hành chính trong tiếp nhận, giải quyết hồ sơ tại bộ phận một cửa các cấp.",
    "info.offline": "Trình mô phỏng không kết nối tới Zalo hay Cổng thật: mã QR và địa chỉ chỉ để "
    "người dân mở trên điện thoại của mình.",
    "info.home": "Về trang chủ",
    "training.sec.subscribers": "Số điện thoại của nhà mạng (thuê bao chính chủ)",
    "training.sec.insured": "Người tham gia bảo hiểm xã hội (BHXH)",
    "training.sec.tokens": "USB ký số",
    "training.sec.sims": "SIM ký số",
    "training.note.subscribers": "Đăng ký bằng số khác với CCCD của chủ thuê bao: “không chính chủ”. "
    "Số không có ở đây được coi là chính chủ.",
    "training.note.insured": "Đăng ký bằng BHXH: mã OTP gửi tới số trong hồ sơ BHXH.",
    "training.note.tokens": "Tạo bằng “dvc-tui training load” (hoặc “dvc-tui token training”); sai PIN 5 "
    "lần thì USB bị khóa.",
    "training.note.sims": "Xác nhận yêu cầu ký bằng mã PIN của SIM (khung Tin nhắn, hoặc “dvc-tui "
    "phone”); sai PIN 5 lần thì SIM bị khóa.",
    "training.col.phone": "Số điện thoại",
    "training.col.owner": "Chủ thuê bao",
    "training.col.cccd": "CCCD",
    "training.col.bhxh": "Mã số BHXH",
    "training.col.name": "Họ tên",
    "training.col.dob": "Ngày sinh",
    "training.col.phone_on_file": "SĐT trong hồ sơ",
    "training.col.holder": "Chủ sở hữu",
    "training.col.kind": "Đối tượng",
    "training.col.identifier": "Mã định danh",
    "training.col.login": "Tên đăng nhập",
    "training.col.pin": "Mã PIN",
    "training.col.state": "Trạng thái",
    "training.shape.valid": "Còn hiệu lực",
    "training.shape.expired": "Đã hết hạn",
    "training.shape.revoked": "Đã bị thu hồi",
    "training.shape.foreign": "Do CA khác cấp: bị từ chối",
    "training.handout.title": "Bộ dữ liệu thực hành dvc-tui",
    "training.handout.intro": "Dữ liệu mô phỏng để luyện tập; không phải người, số điện thoại hay "
    "chứng thư số thật.",
    "training.handout.written": "Đã ghi bản Markdown vào {path}.",
    "training.handout.unwritable": "Không ghi được {path}: {detail}",
    "training.load.title": "Nạp dữ liệu thực hành vào {path}",
    "training.load.col.part": "Phần",
    "training.load.col.made": "Mới tạo",
    "training.load.col.kept": "Đã có",
    "training.load.done": "Đã nạp xong bộ dữ liệu thực hành.",
    "training.load.nothing": "Bộ dữ liệu thực hành đã có đủ; không tạo gì mới.",
    "cli.reset.ask": "Xóa toàn bộ {count} tài khoản (cùng ứng dụng xác thực, mã OTP, tin nhắn SMS và "
    "yêu cầu ký SIM)? Gõ '{word}' để xác nhận:",
    "cli.reset.cancelled": "Đã hủy; không xóa gì.",
    "cli.reset.done": "Đã xóa {accounts} tài khoản, {authenticators} ứng dụng xác thực, {codes} mã OTP, "
    "{sms} tin nhắn SMS và {requests} yêu cầu ký SIM. Dữ liệu thực hành (nhà mạng, BHXH, USB và SIM ký "
    "số) được giữ nguyên.",
    # -- trainer report
    "report.summary": "Báo cáo luyện tập: {events} sự kiện, {sessions} phiên{since}.",
    "report.log": "Nhật ký: {path}",
    "report.since": ", từ {since}",
    "report.skipped": "Bỏ qua {count} dòng nhật ký không đọc được.",
    "report.bad_since": "--since không hợp lệ: “{value}”. Dùng ngày YYYY-MM-DD hoặc thời điểm ISO 8601 "
    "(ví dụ 2026-11-30T08:00).",
    "report.csv_written": "Đã ghi bảng thời gian mỗi bước vào {path}.",
    "report.csv_failed": "Không ghi được {path}: {detail}",
    "report.title.paths": "Hoàn thành theo luồng",
    "report.title.steps": "Thời gian mỗi bước (từ lúc vào bước đến bước kế tiếp)",
    "report.title.errors": "10 lỗi thường gặp nhất",
    "report.col.path": "Luồng",
    "report.col.started": "Bắt đầu",
    "report.col.finished": "Hoàn thành",
    "report.col.rate": "Tỷ lệ %",
    "report.col.minutes": "Phút (TV)",
    "report.col.step_median": "Giây/bước (TV)",
    "report.caption.paths": "Hoàn thành: đến kết quả của luồng (đăng ký xong, đăng nhập, đổi mật khẩu). "
    "Phút: từ lúc bắt đầu đến lúc hoàn thành. TV: trung vị.",
    "report.col.screen": "Màn hình",
    "report.col.count": "Lượt",
    "report.col.median": "Trung vị (giây)",
    "report.col.mean": "Trung bình (giây)",
    "report.col.message": "Thông báo",
    "report.col.key": "Mã lỗi",
    "report.col.where": "Nơi hiện nhiều nhất",
    "report.path.register": "Đăng ký (chọn phương thức)",
    "report.path.mobile": "Thuê bao di động",
    "report.path.bhxh": "BHXH",
    "report.path.post": "Bưu điện",
    "report.path.usb": "USB ký số",
    "report.path.sim": "SIM ký số",
    "report.path.login": "Đăng nhập",
    "report.path.forgot": "Quên mật khẩu",
    # -- demo and screenshots
    "demo.caption": "Demo – Bước {n}: {text}",
    "demo.paused": "Demo – tạm dừng. Nhấn phím bất kỳ để tiếp tục; Esc: tự điều khiển; Ctrl+Q: thoát.",
    "demo.stopped": "Demo đã dừng – bạn đang điều khiển ứng dụng.",
    "demo.done": "Demo kết thúc – bạn có thể tiếp tục dùng ứng dụng.",
    "demo.failed": "Demo dừng: {reason}",
    "demo.failed.screen": "không tới được màn hình {screen}.",
    "demo.failed.widget": "không thấy ô/nút {widget} trên màn hình.",
    "demo.failed.timeout": "quá thời gian chờ.",
    "demo.failed.sms": "không nhận được tin nhắn có mã OTP.",
    "demo.failed.sim": "không có yêu cầu ký nào trên điện thoại.",
    "demo.unavailable.bhxh": "mọi người tập của cơ sở dữ liệu BHXH đã có tài khoản trong thư mục dữ liệu này.",
    "demo.unavailable.usb": "chủ USB ký số tập (Nguyễn Văn An) đã có tài khoản trong thư mục dữ liệu này.",
    "demo.unavailable.sim": "chủ SIM ký số tập (Phạm Thị Lan) đã có tài khoản trong thư mục dữ liệu này.",
    "demo.step.home": "Trang chủ: chọn \"Đăng ký\".",
    "demo.step.subject": "Vùng 3: chọn đối tượng \"Công dân\".",
    "demo.step.method.mobile": "Vùng 4: chọn phương thức \"Thuê bao di động\".",
    "demo.step.method.bhxh": "Vùng 4: chọn phương thức \"Bảo hiểm xã hội\".",
    "demo.step.method.post": "Vùng 4: chọn phương thức \"Bưu điện Việt Nam\".",
    "demo.step.method.usb": "Vùng 4: chọn phương thức \"USB ký số\" (cắm USB ký số tập).",
    "demo.step.method.sim": "Vùng 4: chọn phương thức \"SIM ký số\".",
    "demo.step.form.mobile": "Vùng 6: nhập số CCCD, họ tên, ngày sinh, số điện thoại chính chủ và mã xác thực; vùng 7: ĐĂNG KÝ.",
    "demo.step.form.bhxh": "Nhập mã số BHXH, số CCCD, họ tên, ngày sinh và mã xác thực, rồi ĐĂNG KÝ.",
    "demo.step.form.post": "Nhân viên nhập thông tin của công dân, rồi ĐĂNG KÝ: mã kích hoạt gửi qua SMS.",
    "demo.step.form.sim": "Nhập số CCCD, họ tên, số điện thoại có SIM ký số và mã xác thực, rồi ĐĂNG KÝ.",
    "demo.step.post_papers": "Nhân viên Bưu điện đánh dấu các giấy tờ đã kiểm tra.",
    "demo.step.code": "Vùng 8: nhập mã OTP trong tin nhắn (khung bên phải), XÁC NHẬN.",
    "demo.step.password": "Vùng 9: đặt mật khẩu (mật khẩu mẫu: {password}), nhập lại, ĐĂNG KÝ.",
    "demo.step.registered": "Đăng ký thành công.",
    "demo.step.to_login": "Chọn \"Đăng nhập ngay\".",
    "demo.step.login": "Vùng 2: nhập mật khẩu ({password}), ĐĂNG NHẬP.",
    "demo.step.login_code": "Vùng 3: nhập mã OTP vừa nhận, vùng 4: XÁC NHẬN.",
    "demo.step.profile": "Đã đăng nhập: trang thông tin tài khoản.",
    "demo.step.forgot": "Quên mật khẩu? Chọn \"Quên mật khẩu\".",
    "demo.step.forgot_form": "Nhập số CCCD và mã xác thực để nhận mã OTP.",
    "demo.step.new_password": "Đặt mật khẩu mới ({password}), nhập lại, rồi xác nhận.",
    "demo.step.usb_token": "Chọn chứng thư số trên USB ký số.",
    "demo.step.usb_pin": "Nhập mã PIN của USB ký số ({pin}), Enter: USB ký một thử thách.",
    "demo.step.usb_review": "Kiểm tra thông tin chứng thư số, nhập mã xác thực, ĐĂNG KÝ.",
    "demo.step.to_login_usb": "Chọn \"Đăng nhập ngay\": thẻ USB ký số.",
    "demo.step.usb_login": "Nhập mã PIN ({pin}) để đăng nhập bằng USB ký số.",
    "demo.step.sim_approve": "Trên điện thoại: nhập mã PIN của SIM ký số ({pin}), Xác nhận.",
    "book.title": "Sổ tay minh họa dvc-tui",
    "book.intro": "Ảnh chụp từng màn hình của từng luồng, tạo bởi chính ứng dụng (dvc-tui screenshots).",
    "book.badges": "Chế độ tập huấn bật: các số vùng của tờ hướng dẫn hiện trên màn hình.",
    "book.no_badges": "Phiên bản này chưa có chế độ tập huấn: ảnh không có số vùng.",
    "book.path.mobile": "Đăng ký bằng thuê bao di động",
    "book.path.login": "Đăng ký rồi đăng nhập (mật khẩu và mã OTP)",
    "book.path.bhxh": "Đăng ký bằng Bảo hiểm xã hội",
    "book.path.post": "Đăng ký tại Bưu điện Việt Nam",
    "book.path.usb": "Đăng ký và đăng nhập bằng USB ký số",
    "book.path.sim": "Đăng ký bằng SIM ký số",
    "book.path.forgot": "Quên mật khẩu",
    "book.written": "Đã ghi {count} ảnh và {index} vào {outdir}.",
}

EN: dict[str, str] = {
    "portal.name": "NATIONAL PUBLIC SERVICE PORTAL",
    "portal.tagline": "Connecting, providing information and public services anytime, anywhere",
    "portal.sim": "Registration and login simulator — never connects to the real system",
    "step": "Step {n}/{total}",
    "key.back": "Back",
    "key.cancel": "Cancel",
    "key.quit": "Quit",
    "key.lang": "Tiếng Việt",
    "key.new_captcha": "New code",
    "key.sms": "Messages",
    "home.title": "Home",
    "home.register": "Register",
    "home.login": "Log in",
    "home.info": "Information",
    "home.intro": "Citizens and businesses register or log in here. "
    "Use Tab to move, Enter to choose.",
    "sms.title": "SMS messages (simulated)",
    "sms.empty": "No messages yet. Every message of the simulator appears here.",
    "sms.header": "{sender} → {phone} · {time}",
    "sms.otp.register": "Your National Public Service Portal registration OTP is {code}. "
    "Valid for {minutes} minutes.",
    "sms.otp.login": "Your National Public Service Portal login OTP is {code}. "
    "Valid for {minutes} minutes. Do not share this code with anyone.",
    "subject.title": "Register",
    "subject.prompt": "Please choose how to register",
    "subject.heading": "Who is registering",
    "subject.citizen": "Citizen",
    "subject.business": "Business",
    "subject.agency": "State agency",
    "method.title": "Choose a registration method",
    "method.for_subject": "Registering as: {subject}",
    "level.ial2": "Medium assurance (IAL2)",
    "level.ial3": "High assurance (IAL3)",
    "method.mobile": "Mobile subscription",
    "method.bhxh": "Social insurance",
    "method.post": "Vietnam Post",
    "method.usb": "USB signing token",
    "method.sim": "Signing SIM",
    "method.citizens_only": "Citizens only",
    "form.subtitle": "Mobile subscription (citizens only)",
    "field.cccd": "Login name (ID card number, CMT/CCCD)",
    "field.cccd.ph": "CMT (9 digits) or CCCD (12 digits)",
    "field.full_name": "Full name",
    "field.full_name.ph": "For example: Nguyễn Văn An",
    "field.dob": "Date of birth",
    "field.dob.ph": "dd/mm/yyyy",
    "field.phone": "Mobile number",
    "field.phone.ph": "For example: 0912345678",
    "field.email": "Email",
    "field.email.ph": "Optional",
    "field.captcha": "Enter the verification code",
    "field.captcha.ph": "6 characters",
    "captcha.new": "New code",
    "form.note_own": "* Note: the mobile number used to register must be registered in your own "
    "name",
    "form.submit": "REGISTER",
    "form.carrier": "Carrier: {carrier}",
    "form.checking": "Checking your details…",
    "form.fix": "Please check the fields that show an error.",
    "form.required_mark": "*",
    "id.required": "You must enter your ID card number (CMT/CCCD).",
    "id.digits": "An ID card number has digits only.",
    "id.length": "An ID card number has 9 digits (CMT) or 12 digits (CCCD); you typed {length}.",
    "id.format": "This ID card number is not valid.",
    "id.province": "Province code {code} (the first 3 digits of a CCCD) does not exist.",
    "id.century": "The CCCD's 4th digit ({digit}: century of birth and sex) does not match the "
    "year of birth {year}.",
    "id.year": "The CCCD's 5th-6th digits ({digits}: year of birth) do not match the year of "
    "birth {year}.",
    "name.required": "You must enter your full name.",
    "name.letters": "A name has letters and spaces only (not allowed: {char}).",
    "name.spaces": "Use a single space between the words of a name.",
    "name.length": "A name is 2 to 100 characters long.",
    "dob.required": "You must enter your date of birth.",
    "dob.format": "Type the date of birth as dd/mm/yyyy, for example 25/04/1990.",
    "dob.invalid": "That date does not exist on the calendar.",
    "dob.future": "A date of birth cannot be in the future.",
    "dob.too_old": "The year of birth must be 1900 or later.",
    "phone.required": "You must enter your mobile number.",
    "phone.format": "The number's format is wrong (for example 0912345678 or +84912345678).",
    "phone.not_vn": "Only Vietnamese mobile numbers (+84) are accepted.",
    "phone.invalid": "The number is outside the Vietnamese carriers' ranges.",
    "phone.not_mobile": "This is not a mobile number; enter a mobile subscription.",
    "phone.not_owner": "The number is not in your name: this subscription is not registered to "
    "the ID number you typed.",
    "email.invalid": "The email address is not valid (for example: name@example.vn).",
    "captcha.required": "You must enter the verification code.",
    "captcha.wrong": "Wrong verification code. A new code was made; please type it.",
    "account.exists": "This ID card number already has an account on the National Public "
    "Service Portal.",
    "account.exists.ways": "You can: recover the password with “Forgot password” on the login "
    "screen; go to a service counter (one-stop shop) to recover it; or file a complaint if the "
    "account is not yours.",
    "otp.title": "OTP verification",
    "otp.sent.register": "The verification code was sent to: {phone}",
    "otp.sent.login": "The verification code was sent to the number: {phone}",
    "otp.field": "Enter the OTP",
    "otp.field.ph": "6 digits",
    "otp.confirm": "CONFIRM",
    "otp.not_received": "Did not receive the code?",
    "otp.resend": "Resend OTP",
    "otp.resend_in": "Resend OTP ({seconds}s)",
    "otp.resent": "A new OTP was sent to {phone}.",
    "otp.valid_until": "The code is valid for 5 minutes, until {time}.",
    "otp.other_method": "Choose another way to authenticate",
    "otp.no_account": "No account yet? Register",
    "otp.checking": "Checking the code…",
    "otp.required": "You must enter the OTP.",
    "otp.format": "The OTP has {digits} digits.",
    "otp.none": "No code has been sent yet; press “Resend OTP”.",
    "otp.used": "This OTP was already used; press “Resend OTP” for a new one.",
    "otp.voided": "The OTP was voided after too many wrong entries; press “Resend OTP”.",
    "otp.voided_now": "You entered a wrong code {limit} times, so the OTP is void. Press “Resend "
    "OTP” for a new one.",
    "otp.expired": "The OTP has expired (valid 5 minutes); press “Resend OTP”.",
    "otp.wrong": "Wrong OTP. {left} tries left.",
    "otp.superseded": "That is an old code, replaced by the one sent after it. {left} tries left.",
    "otp.cooldown": "Please wait {seconds} more seconds before resending the OTP.",
    "otp.hourly_limit": "This number has received {limit} codes within an hour; try again in "
    "{minutes} minutes.",
    "pw.title": "Register",
    "pw.rule": "* Use 8 or more characters with lower case, upper case, a digit and a special "
    "character.",
    "pw.field": "Enter a password",
    "pw.confirm": "Confirm the password",
    "pw.submit": "REGISTER",
    "pw.rule.length": "8 or more characters",
    "pw.rule.lower": "a lower-case letter",
    "pw.rule.upper": "an upper-case letter",
    "pw.rule.digit": "a digit",
    "pw.rule.special": "a special character",
    "pw.rule.equal": "both passwords equal",
    "pw.hashing": "Creating the account…",
    "password.required": "You must enter a password.",
    "password.too_long": "A password has at most {max} characters.",
    "password.control": "A password cannot contain control characters.",
    "password.weak": "The password still needs: {rule}.",
    "password.mismatch": "The confirmation does not match the password.",
    "password.personal": "The password must not contain your {which}.",
    "password.common": "This password is on the list of the most used passwords; choose another one.",
    "password.guessable": "The password is too easy to guess ({hint}); use a longer one made of a few "
    "uncommon words.",
    "pw.personal.id": "ID card number",
    "pw.personal.phone": "phone number",
    "pw.personal.dob": "date of birth",
    "pw.personal.name": "name",
    "pw.personal.email": "email address",
    "pw.personal.bhxh": "social insurance number",
    "pw.hint.common": "close to a common password",
    "pw.hint.personal": "based on your personal details",
    "pw.hint.portal": "based on the portal's name or words",
    "pw.hint.word": "based on a common word",
    "pw.hint.name": "based on a common name",
    "pw.hint.keyboard": "a row of neighbouring keys",
    "pw.hint.repeat": "repeated characters or groups",
    "pw.hint.sequence": "a sequence like abc or 6543",
    "pw.hint.date": "a date or a year",
    "pw.hint.short": "short and simple",
    "register.code_needed": "The OTP was not confirmed, or more than 15 minutes ago; please "
    "register again.",
    "done.title": "Registration complete",
    "done.body": "Account {username} ({name}) has been created.",
    "done.level.mobile": "Verification level 2 (verified by the carrier)",
    "done.level.bhxh": "Verification level 2 (verified against the social insurance database)",
    "done.level.post": "Verification level 2 (verified in person at Vietnam Post)",
    "done.level.usb": "Verification level 3 (high assurance, by the certificate on a USB signing token)",
    "done.level.sim": "Verification level 3 (high assurance, by the certificate on a signing SIM)",
    "done.next.mobile": "Log in with the ID card number, the password you set and the OTP sent to your phone.",
    "done.next.bhxh": "Log in with the ID card number, the password you set and the OTP sent to your phone.",
    "done.next.post": "Log in with the ID card number, the password you set and the OTP sent to your phone.",
    "done.next.usb": "Log in on the USB signing token tab: pick the certificate and enter the PIN. "
    "No password, no OTP.",
    "done.next.sim": "Log in on the signing SIM tab: enter {username}, then approve the signing "
    "request with the PIN on the phone.",
    "done.to_login": "Log in now",
    "login.title": "Log in",
    "login.tab.cccd": "CMT/CCCD",
    "login.tab.usb": "USB signing token",
    "login.tab.sim": "Signing SIM",
    "login.username": "Login name",
    "login.username.ph": "Enter your CMT/CCCD",
    "login.password": "Password",
    "login.password.ph": "Enter your password",
    "login.submit": "LOG IN",
    "login.forgot": "Forgot password",
    "login.go_register": "No account yet? Register",
    "login.note": "Note: if your account was registered by phone number or social insurance and "
    "has no password, choose “Forgot password” and follow the instructions.",
    "login.checking": "Checking…",
    "login.invalid": "The login name or password is wrong.",
    "login.username_required": "You must enter the login name.",
    "login.password_required": "You must enter the password.",
    "login.invalid_left": "The login name or password is wrong. {left} tries left before login is "
    "locked for a while.",
    "login.locked": "Login is locked for a while after {limit} wrong passwords. Please try again in {wait}.",
    "login.unlocked": "The lock is over; you may log in again.",
    "duration.minute": "{n} minute",
    "duration.minutes": "{n} minutes",
    "duration.second": "{n} second",
    "duration.seconds": "{n} seconds",
    "profile.title": "Account",
    "profile.welcome": "Welcome, {name}",
    "profile.name": "Full name",
    "profile.id": "CMT/CCCD",
    "profile.phone": "Mobile number",
    "profile.email": "Email",
    "profile.dob": "Date of birth",
    "profile.subject": "Subject",
    "profile.method": "Registered by",
    "profile.level": "Verification level",
    "profile.created": "Created",
    "profile.none": "(none)",
    "profile.logout": "Log out",
    "level.2.mobile": "Level 2 (verified by the carrier)",
    "level.2.bhxh": "Level 2 (verified against the social insurance database)",
    "level.2.post": "Level 2 (verified in person at Vietnam Post)",
    "level.3.usb": "Level 3 (high assurance, USB signing token)",
    "level.3.sim": "Level 3 (high assurance, signing SIM)",
    "profile.org_name": "Organisation",
    "profile.id.business": "Tax code",
    "profile.id.agency": "Agency code",
    "profile.representative": "Legal representative",
    "profile.login.label": "How to log in",
    "profile.login.password": "ID number + password, then {ways}",
    "profile.login.or": " or ",
    "profile.login.usb": "USB signing token: pick the certificate and enter the PIN (no password, no OTP)",
    "profile.login.sim": "Signing SIM: enter the {id_label}, approve with the PIN on the phone {phone}",
    "profile.type.citizen": "Citizen account: level 2 when registered by mobile subscription, social "
    "insurance or Vietnam Post (log in with password and OTP); level 3 when registered by USB signing "
    "token or signing SIM (log in by digital signature). The login name is the ID number.",
    "profile.type.business": "Business account: registers and logs in by USB signing token or signing "
    "SIM only, level 3. The login name is the tax code.",
    "profile.type.agency": "State agency account: registers and logs in by USB signing token or signing "
    "SIM only, level 3. The login name is the agency code.",
    "secret.file_fallback": "The operating system's keyring is not available; the install's "
    "secret key is kept in the file {path} (mode 0600).",
    "secret.no_copy": "Passwords and PINs cannot be copied or cut; type them again when needed.",
    "error.storage": "Could not read or write the data: {detail}",
    "error.unexpected": "Something unexpected went wrong; what you typed is kept. Details: {detail}",
    # a broken environment (store/errors.py)
    "store.open": "Could not open or create the data file {path}: {reason}.",
    "store.not_database": "{path} is not a dvc-tui database (it may be damaged); dvc-tui neither "
    "opens nor overwrites it.",
    "store.newer": "{path} was written by a newer dvc-tui (schema version {version}; this one reads up "
    "to {supported}); the file was left untouched.",
    "store.no_wal": "Could not turn on the WAL journal for {path} ({mode}).",
    "storage.full": "Could not write the data: the disk is full. What you typed is kept; free some "
    "space and try again.",
    "storage.read_only": "Could not write the data: the data folder cannot be written. What you typed "
    "is kept; please tell the trainer.",
    "storage.busy": "Another machine is writing the data; try again in a moment. What you typed is kept.",
    "storage.corrupt": "The data file is damaged; please tell the trainer. What you typed is kept.",
    "storage.failed": "Could not read or write the data ({reason}). What you typed is kept; try again.",
    "storage.file": "Could not read or write the data: {kind} ({path}: {reason}).",
    "storage.reason.full": "the disk is full",
    "storage.reason.denied": "permission denied",
    "storage.reason.read_only": "the disk is read-only",
    "storage.reason.not_dir": "part of the path is a file, not a folder",
    "storage.reason.is_dir": "the path is a folder, not a file",
    "storage.reason.missing": "not found",
    "storage.reason.busy": "another process held the write lock too long",
    "storage.reason.corrupt": "the file is damaged",
    "storage.reason.cant_open": "a file beside it could not be made (folder not writable?)",
    "window.too_small": "Window too small ({width}×{height}); at least {min_width}×{min_height} is needed. "
    "Please enlarge the window.",
    "lang.switched": "Switched to English.",
    "cli.accounts.title": "Accounts ({count})",
    "cli.col.id": "CMT/CCCD",
    "cli.col.name": "Full name",
    "cli.col.phone": "Mobile number",
    "cli.col.method": "Method",
    "cli.col.level": "Level",
    "cli.col.created": "Created",
    "cli.sms.title": "SMS messages (simulated)",
    "cli.col.time": "Time",
    "cli.col.body": "Text",
    "sms.otp.reset": "Your National Public Service Portal password reset OTP is {code}. "
    "Valid for {minutes} minutes. If you did not ask for it, ignore this message.",
    # -- forgot password
    "forgot.title": "Forgot password",
    "forgot.intro": "Enter the account's CMT/CCCD number and the verification code. An OTP will "
    "be sent to the mobile number registered with the account.",
    "forgot.submit": "SEND OTP",
    "otp.sent.reset": "The verification code was sent to the account's mobile number: {phone}",
    "reset.subtitle": "Set a new password for account {username}",
    "reset.not_old": "* The new password must differ from the old one.",
    "reset.field": "Enter the new password",
    "reset.confirm": "Confirm the new password",
    "reset.submit": "CHANGE PASSWORD",
    "reset.saving": "Saving the new password…",
    "reset.same_as_old": "The new password must not be the same as the old one.",
    "reset.code_needed": "The OTP was not confirmed or more than 15 minutes have passed; press "
    "Back (Esc) to get a new code.",
    "reset.done": "Your password was changed. Please log in with the new password.",
    # -- authenticator app
    "totp.code": "Code from the authenticator app",
    "totp.code.ph": "6 digits",
    "totp.confirm": "CONFIRM",
    "totp.checking": "Checking the code…",
    "totp.preparing": "Making a key…",
    "totp.loading": "Loading…",
    "totp.back": "Back",
    "totp.enrol.title": "Turn on an authenticator app",
    "totp.enrol.scan": "1. Open an authenticator app on your phone (Google Authenticator, "
    "Microsoft Authenticator, FreeOTP…), add an account and scan the QR code.",
    "totp.enrol.key": "2. Or type this key (type: time based):",
    "totp.enrol.account": "Account: {issuer} ({account})",
    "totp.enrol.enter": "3. Enter the 6-digit code the app shows, to confirm.",
    "totp.enrol.replaces": "The authenticator app you use now stays valid until you confirm the "
    "new code.",
    "totp.enrolled": "The authenticator app is on. When you log in, choose “Choose another way to "
    "authenticate” to enter the app's code.",
    "totp.login.title": "Authenticate with an app",
    "totp.login.prompt": "Open your authenticator app and enter the 6-digit code of the account "
    "{issuer} ({account}). The code changes every 30 seconds.",
    "totp.login.missing": "This account has no authenticator app turned on. Go back to log in with "
    "the OTP sent by SMS; once logged in, you can turn on an authenticator app on the Account "
    "page.",
    "totp.profile.sms": "an OTP by SMS",
    "totp.profile.app": "a code from the authenticator app (on since {time})",
    "totp.profile.enrol": "Turn on an authenticator app",
    "totp.profile.reenrol": "Set up the authenticator app again",
    "totp.required": "You must enter the code from the authenticator app.",
    "totp.format": "The authenticator app's code has {digits} digits.",
    "totp.wrong": "Wrong code. {left} tries left.",
    "totp.wrong_enrol": "Wrong code. Enter the code the app shows for this account, and check "
    "the phone's clock.",
    "totp.used": "This code was already used; wait for the app to show a new one (at most 30 "
    "seconds), then enter it.",
    "totp.locked": "The authenticator app is locked after too many wrong codes; try again in "
    "{minutes} minutes, or go back to log in with the OTP by SMS.",
    "totp.locked_now": "You entered a wrong code {limit} times; the authenticator app is locked "
    "for {minutes} minutes. You can still go back and log in with the OTP by SMS.",
    "totp.not_enrolled": "This account has no authenticator app turned on.",
    "totp.no_pending": "No key is waiting to be confirmed; please open the authenticator app page "
    "again.",
    "totp.unreadable": "The authenticator app's key cannot be read (the install's secret key "
    "changed). Log in with the OTP by SMS, then turn the authenticator app on again.",
    # -- social insurance (BHXH) registration
    "bhxh.subtitle": "Social insurance (citizens only)",
    "field.bhxh": "Social insurance number (Mã số BHXH)",
    "field.bhxh.ph": "10 digits, on the health insurance card or the BHXH book",
    "bhxh.note": "* The code is sent to the phone number registered with the social insurance agency.",
    "bhxh.required": "You must enter the social insurance number.",
    "bhxh.digits": "A social insurance number has digits only.",
    "bhxh.length": "A social insurance number has 10 digits; you typed {length}.",
    "bhxh.format": "The social insurance number is not valid.",
    "bhxh.unknown": "This social insurance number is not in the Vietnam Social Security database.",
    "bhxh.mismatch.id": "The ID card number does not match the records of this social insurance number.",
    "bhxh.mismatch.name": "The full name does not match the records of this social insurance number.",
    "bhxh.mismatch.dob": "The date of birth does not match the records of this social insurance number.",
    # -- signing tokens
    "token.pin_required": "You must enter the token's PIN.",
    "token.pin_format": "A PIN has {min} to {max} digits.",
    "token.pin_wrong": "Wrong PIN. {left} tries left before the token locks.",
    "token.locked_now": "You entered a wrong PIN {limit} times; the token is now locked. Please "
    "contact the digital signature certification provider to unlock it.",
    "token.locked": "The token is locked after {limit} wrong PINs. Please contact the digital "
    "signature certification provider to unlock it.",
    "token.kind": "The subject must be a citizen, a business or a state agency (citizen, business, "
    "agency).",
    "token.days": "A certificate is valid for {min} to {max} days.",
    "token.serial_format": "A serial has {digits} hexadecimal digits (0–9, A–F); its first {prefix} "
    "or more are enough.",
    "token.not_found": "No token has the serial {serial}.",
    "token.ambiguous": "Several tokens have a serial starting with {serial}; type more digits.",
    "token.damaged": "The token's data is damaged or cannot be read.",
    "token.cert_unreadable": "The certificate on the token cannot be read.",
    "token.foreign_ca": "The certificate was issued by “{issuer}”, not by “{ca}” that the portal "
    "trusts; refused.",
    "token.cert_tampered": "The signature of “{ca}” on the certificate does not hold: the certificate "
    "was altered; refused.",
    "token.cert_usage": "This certificate is not for signing (it is not a subscriber's certificate).",
    "token.not_yet_valid": "The certificate is not valid yet; it is valid from {date}.",
    "token.expired": "The certificate expired at {date}; please renew it with the certification "
    "provider.",
    "token.revoked": "The certificate was revoked at {date}; refused.",
    "token.already_revoked": "Certificate {serial} was already revoked at {date}.",
    "token.ca_invalid": "The certificate of “{ca}” is no longer valid; tokens cannot be checked.",
    "token.ca_unreadable": "The simulated certification authority's certificate or revocation list "
    "cannot be read.",
    "token.ca_key": "The simulated certification authority's key does not open with this install's "
    "secret key (has the secret key changed?); certificates cannot be issued or revoked.",
    "token.crl_invalid": "The certificate revocation list does not carry a valid signature of "
    "“{ca}”; tokens cannot be checked.",
    "token.signature_invalid": "The signature over the challenge does not match the certificate; "
    "refused.",
    "token.challenge_unknown": "The challenge was not issued by the portal or was already used; "
    "please log in again.",
    "token.challenge_expired": "The challenge has expired (valid 2 minutes); please log in again.",
    "token.status.valid": "Valid",
    "token.status.locked": "Locked (wrong PINs)",
    "token.status.not_yet_valid": "Not valid yet",
    "token.status.expired": "Expired",
    "token.status.revoked": "Revoked",
    "token.status.foreign": "Issued by another CA",
    "token.status.tampered": "Altered",
    "token.status.invalid": "Invalid",
    "token.status.damaged": "Damaged",
    "token.failed_pins": "wrong PIN {count}/{limit}",
    "token.id.cccd": "CCCD",
    "token.id.cmnd": "CMND",
    "token.id.mst": "Tax code",
    "token.id.mdd": "Agency code",
    "mst.required": "You must enter the tax code.",
    "mst.digits": "A tax code has digits only, and a dash before a branch's 3 digits.",
    "mst.length": "A tax code has 10 digits, or 13 for a branch; you typed {length}.",
    "mst.format": "Write the tax code as 0109998883 or 0109998883-001.",
    "mst.sequence": "The tax code's 3rd to 9th digits (its sequence number) cannot all be 0.",
    "mst.branch": "A branch code (the tax code's last 3 digits) is 001 to 999.",
    "mst.checksum": "The tax code is not valid: its check digit (the 10th) is wrong.",
    "agency.required": "You must enter the agency's code.",
    "agency.format": "An agency's electronic identifier looks like 000.00.00.H29: three digits, two "
    "digits, two digits, then a capital letter and two digits, separated by dots.",
    "org_name.required": "You must enter the organisation's name.",
    "org_name.chars": "The organisation's name has a character that is not allowed: {char}.",
    "org_name.length": "An organisation's name is 2 to 200 characters long.",
    "cli.token.title": "Plugged-in signing tokens ({count})",
    "cli.token.none": "No tokens yet. Make one with “dvc-tui token new …” or “dvc-tui token "
    "training”.",
    "cli.token.col.serial": "Serial",
    "cli.token.col.holder": "Holder",
    "cli.token.col.id": "Identifier",
    "cli.token.col.from": "Valid from",
    "cli.token.col.to": "To",
    "cli.token.col.state": "State",
    "cli.token.col.pin": "PIN",
    "cli.token.col.made": "This run",
    "cli.token.created": "Made token {serial} for {name} ({identifier}), valid until {until}.",
    "cli.token.revoked": "Revoked certificate {serial} of {name}.",
    "cli.token.training.title": "Training signing tokens",
    "cli.token.training.made": "made",
    "cli.token.training.kept": "already there",
    # -- Vietnam Post (register_post)
    "post.subtitle": "Vietnam Post (citizens only)",
    "post.staff": "Post office counter – staff screen",
    "post.staff.intro": "Check the citizen's original papers at the counter, tick each item, then "
    "enter the details exactly as on the ID card.",
    "post.papers.title": "1. Check the papers (every item required)",
    "post.details.title": "2. The citizen's details",
    "post.paper.id_card": "Original ID card, not expired",
    "post.paper.portrait": "Card photo matches the person here",
    "post.paper.own_phone": "Own phone number, phone in hand",
    "post.paper.signed_form": "Signed the account request form",
    "post.papers_missing": "Not checked: {papers}. Check and tick every item before registering.",
    "post.note": "* After REGISTER, the citizen receives an activation SMS with a code, and types "
    "the code and sets the password themselves (staff never type them).",
    "sms.activation.post": "Your National Public Service Portal activation code (registered at a "
    "Vietnam Post counter) is {code}. Valid for {minutes} minutes. Do not give this code to the "
    "staff or anyone else.",
    # -- USB ký số screens (register_usb, login_usb)
    "usb.subtitle": "USB signing token (high assurance) – {subject}",
    "usb.step.pick": "Choose the certificate on a plugged-in signing token (↑/↓ then Enter), then type its PIN:",
    "usb.pin": "Token PIN",
    "usb.pin.ph": "6 to 8 digits",
    "usb.read": "READ CERTIFICATE",
    "usb.reading": "Signing a challenge with the token and checking its certificate…",
    "usb.choose_first": "Please choose a usable signing token in the list.",
    "usb.kind.citizen": "a citizen",
    "usb.kind.business": "a business",
    "usb.kind.agency": "a state agency",
    "usb.kind_mismatch": "The certificate was issued to {kind}: it cannot register an account for {subject}.",
    "usb.list.loading": "Reading the plugged-in signing tokens…",
    "usb.list.none": "No signing token is plugged in. To practise, run “{command} token training” "
    "(the practice tokens) or “{command} token new …” in another terminal, then press “Refresh”.",
    "usb.list.none_usable": "No token here can be used; the reason is under each one.",
    "usb.list.refresh": "Refresh",
    "usb.list.chosen": "Chosen: {name} ({identifier})",
    "usb.list.until": "valid until {date}",
    "usb.list.no_holder": "(holder unreadable)",
    "usb.review.title": "What the certificate says",
    "usb.review.verified": "The token signed the portal's challenge correctly: the certificate is valid.",
    "usb.review.name.citizen": "Full name",
    "usb.review.name.business": "Business name",
    "usb.review.name.agency": "Agency name",
    "usb.review.email": "Email",
    "usb.review.none": "(none)",
    "usb.review.issuer": "Issued by",
    "usb.review.valid": "Valid until",
    "usb.review.serial": "Serial",
    "usb.representative": "Legal representative's full name",
    "usb.email.ph.org": "The organisation's contact email",
    "usb.email_required": "You must enter an email: the portal requires one for businesses and agencies.",
    "usb.email_from_cert": "From the certificate; you may change it.",
    "usb.note": "* No phone number, password or one-time code: at each login the token signs a "
    "random challenge from the portal with your PIN.",
    "usb.registering": "Creating the account…",
    "usb.exists": "{username} already has an account on the National Public Service Portal "
    "(registered by {method}); no need to register again. Please log in: {way}.",
    "usb.exists_gone": "This login name was just taken; please try again.",
    "usb.way.usb": "Home → Log in → the “USB signing token” tab, choose this certificate and type the PIN",
    "usb.way.sim": "Home → Log in → the “Signing SIM” tab",
    "usb.way.password": "Home → Log in → the “CMT/CCCD” tab, with the password and a one-time code "
    "(“Forgot password” if it is lost)",
    "usb.login.intro": "Choose the certificate on a plugged-in signing token, type its PIN and press "
    "LOG IN. No password or one-time code is needed.",
    "usb.logging_in": "Signing a challenge with the token and checking the signature…",
    "usb.login.no_account": "The signature is valid, but {identifier} ({name}) has no account yet. "
    "Register: “No account yet? Register” → {subject} → USB signing token.",
    "usb.login.other_method": "Account {username} was registered by {method}, not by USB signing token. "
    "Please log in the way it was registered: {way}.",
    # -- SIM ký số (register_sim, login_sim, phone pane)
    "sim.unverifiable": "The signing SIM's certificate cannot be checked: the issuer's certificate or "
    "its revocation list is not valid. Tell the trainer.",
    "key.sim_pin": "Signing request",
    "sim.pin_required": "You must enter the signing SIM's PIN.",
    "sim.pin_format": "A signing SIM's PIN has {min} to {max} digits.",
    "sim.pin_wrong": "Wrong PIN, {left} tries left before the signing SIM locks.",
    "sim.locked_now": "You entered a wrong PIN {limit} times; the SIM's signing is now locked. Please "
    "contact the carrier to unlock it.",
    "sim.locked": "The SIM's signing is locked after {limit} wrong PINs. Please contact the carrier "
    "to unlock it.",
    "sim.damaged": "The signing data on the SIM is damaged or cannot be read.",
    "sim.none": "The number {phone} has no signing SIM (the carrier has issued it no certificate).",
    "sim.id_mismatch": "The certificate on this number's signing SIM is not issued to {username}.",
    "sim.name_mismatch": "The name does not match the name on the signing SIM's certificate.",
    "sim.too_many": "This number has received {limit} signing requests within an hour; please try "
    "again later.",
    "sim.request_unknown": "This signing request cannot be found.",
    "sim.signature_invalid": "The signature sent back does not match the SIM's certificate; refused.",
    "sim.declined": "The signing request was declined on the phone.",
    "sim.expired": "The signing request expired (valid 2 minutes) before it was approved.",
    "sim.locked_request": "The signing request was not approved: the signing SIM is locked after "
    "wrong PINs.",
    "sim.cancelled": "The signing request was replaced by a newer one or cancelled.",
    "sim.used": "This request's signature was already used; please send a new request.",
    "sim.closed.approved": "This request was already approved.",
    "sim.closed.declined": "This request was declined.",
    "sim.closed.expired": "This request has expired.",
    "sim.closed.locked": "The signing SIM is locked; this request cannot be signed.",
    "sim.closed.cancelled": "This request was cancelled.",
    "sim.purpose.register": "Register on the National Public Service Portal",
    "sim.purpose.login": "Log in to the National Public Service Portal",
    "sim.subtitle": "Signing SIM (high assurance) – {subject}",
    "sim.field.phone": "Mobile number with the signing SIM",
    "sim.field.phone.ph": "For example: 0703000333",
    "sim.field.tax_code": "Login name (tax code)",
    "sim.field.tax_code.ph": "10 digits, or 13 for a branch (0109998883-001)",
    "sim.field.agency_code": "Login name (agency code)",
    "sim.field.agency_code.ph": "For example: 000.00.01.H99",
    "sim.field.org_name.business": "Business name",
    "sim.field.org_name.agency": "Agency name",
    "sim.field.org_name.ph": "As on the certificate",
    "sim.field.representative": "Legal representative",
    "sim.field.email.ph": "The organisation's contact email",
    "sim.email_required": "You must enter the organisation's email.",
    "sim.note": "* Note: the number must have a signing SIM from the carrier whose certificate names "
    "the person (or organisation) registering. REGISTER sends a signing request to the phone; then "
    "enter the SIM's PIN on the phone (the Messages pane on the right).",
    "sim.exists.org": "{username} already has an account on the National Public Service Portal. Log "
    "in on the USB signing token or signing SIM tab.",
    "sim.sending": "Sending the signing request to the SIM…",
    "sim.wait.title": "Waiting for approval on the phone {phone}",
    "sim.wait.left": "Time left: {time}",
    "sim.wait.hint": "On the phone (the Messages pane on the right; F6 goes there), enter the signing "
    "SIM's PIN and choose Approve.",
    "sim.wait.checking": "The phone signed; checking the signature…",
    "sim.wait.ended": "The signing request sent to the phone {phone}",
    "sim.resend": "Send the request again",
    "sim.card.header": "Signing SIM → {phone} · {time}",
    "sim.card.body": "A signing request from the National Public Service Portal\nFor: {what}\nAccount: {username}",
    "sim.card.left": "{time} left",
    "sim.card.pin.ph": "SIM PIN",
    "sim.card.approve": "Approve",
    "sim.card.decline": "Decline",
    "sim.card.signing": "Working…",
    "sim.card.approved": "✓ Approved at {time}",
    "sim.card.declined": "✗ Declined at {time}",
    "sim.card.expired": "Expired, not approved",
    "sim.card.locked": "The signing SIM is locked",
    "sim.card.cancelled": "Cancelled",
    "sim.login.username": "Login name",
    "sim.login.username.ph": "CMT/CCCD, tax code or agency code",
    "sim.login.note": "A signing request goes to the account's number with the signing SIM; approve it "
    "with the SIM's PIN on the phone. No password, no OTP.",
    "sim.login.submit": "LOG IN",
    "sim.login.unknown": "No account registered by signing SIM has this login name. Accounts registered "
    "another way log in on the CMT/CCCD or USB signing token tab.",
    # -- training mode, guide, language switch
    "key.training": "Training",
    "training.zone": "zone {n}",
    "training.on": "Training mode: the areas carry the leaflet's zone numbers; the Guide is below.",
    "training.off": "Training mode is off.",
    "lang.busy": "Working; please switch the language when it is done.",
    "guide.title": "Guide",
    "guide.title.step": "Guide · Step {n}/{total}",
    "guide.next.label": "Next",
    "guide.hint.label": "Rule",
    "guide.home": "The National Public Service Portal's home page.",
    "guide.home.next": "To register: choose “Register” (step 1/5). With an account: choose “Log in” (zone 1).",
    "guide.choose-subject": "Choose the registration method: first the subject, in zone 3.",
    "guide.choose-subject.next": "A person chooses “Citizen”; a business or an agency its own kind. "
    "Then the method (zone 4).",
    "guide.choose-method": "Choose the registration method in zone 4, by verification level.",
    "guide.choose-method.next": "A citizen with a phone in their own name chooses “Mobile subscription”; "
    "businesses and agencies use a USB or SIM signing token only. The form (zone 6) follows.",
    "guide.register-mobile": "Fill in the fields marked * in zone 6: ID number, full name, date of birth, "
    "own mobile number, the captcha code.",
    "guide.register-mobile.next": "Press “REGISTER” (zone 7); a one-time code is sent to the phone.",
    "guide.register-bhxh": "Type the social insurance number (10 digits) and the ID, name and date of "
    "birth exactly as in the insurance book (zone 6), then the captcha.",
    "guide.register-bhxh.next": "Press “REGISTER” (zone 7); the code goes to the phone the insurance "
    "registry has on file.",
    "guide.register-post": "Post office counter: the staff check every paper, then type the citizen's "
    "details (zone 6).",
    "guide.register-post.next": "Press “REGISTER” (zone 7); the citizen receives an activation code by SMS.",
    "guide.register-usb": "Pick the certificate on a plugged-in token, type its PIN and read it; check "
    "the details, the email and the captcha (zone 6).",
    "guide.register-usb.next": "Press “REGISTER” (zone 7): a level 3 account that logs in with the USB token.",
    "guide.register-sim": "Type the login name, the name, the phone number with the signing SIM, the "
    "email and the captcha (zone 6).",
    "guide.register-sim.next": "Press “REGISTER” (zone 7), then type the SIM's PIN on the phone "
    "(messages pane, F6) within 2 minutes.",
    "guide.otp-register": "Confirm the one-time code: 6 digits just sent to the phone (see the messages pane).",
    "guide.otp-register.next": "Type it and press “CONFIRM” (zone 8); if none came, “Resend OTP”. "
    "Then set the password (zone 9).",
    "guide.otp-login": "The login code was sent to the account's phone; type it in zone 3.",
    "guide.otp-login.next": "Press “CONFIRM” (zone 4). With an authenticator app: “Choose another way "
    "to authenticate” (zone 5).",
    "guide.otp-reset": "Forgot password: type the code sent to the account's phone.",
    "guide.otp-reset.next": "Press “CONFIRM”, then set a new password within 15 minutes.",
    "guide.set-password": "Set the password (zone 9): type it, then confirm it exactly the same.",
    "guide.set-password.next": "When every item of the checklist is ticked, press “REGISTER” to create the account.",
    "guide.registered": "Registered: the account exists now.",
    "guide.registered.next": "Choose “Log in now” to try logging in with the new account.",
    "guide.login": "Log in: the CMT/CCCD tab (zone 1); type the login name and the password.",
    "guide.login.next": "Press “LOG IN” (zone 2); a code is sent to the phone. No password yet: "
    "“Forgot password”.",
    "guide.login-usb": "Log in with a USB signing token (zone 1): pick the certificate, type the PIN.",
    "guide.login-usb.next": "Press “LOG IN” (zone 2): the token signs a challenge, no password needed.",
    "guide.login-sim": "Log in with a signing SIM (zone 1): type the login name.",
    "guide.login-sim.next": "Press “LOG IN” (zone 2), then approve with the SIM's PIN on the phone.",
    "guide.forgot-password": "Forgot password: type the account's ID number and the captcha.",
    "guide.forgot-password.next": "Press “SEND OTP”; the code goes to the account's phone.",
    "guide.reset-password": "Set a new password, not the old one, under the same rule.",
    "guide.reset-password.next": "Press “CHANGE PASSWORD”, then log in with the new password.",
    "guide.profile": "Logged in: the account's details, level and ways to log in.",
    "guide.profile.next": "You may turn on an authenticator app; “Log out” returns home.",
    "guide.totp-enrol": "Scan the QR code or type the key into an authenticator app on the phone.",
    "guide.totp-enrol.next": "Type the 6-digit code the app shows to confirm.",
    "guide.totp-login": "Verify with the authenticator app instead of the SMS code.",
    "guide.totp-login.next": "Type the 6-digit code the app shows now and confirm.",
    "guide.hint.id": "A CMND has 9 digits; a CCCD 12: the first 3 are the province code, the 4th the "
    "century of birth and sex, the 5th–6th the year of birth.",
    "guide.hint.name": "The name as on the papers: letters with diacritics, one space between words, 2–100 characters.",
    "guide.hint.org_name": "The organisation's name as on its registration or certificate.",
    "guide.hint.dob": "Date of birth as dd/mm/yyyy, a real date, 1900 or later, not in the future.",
    "guide.hint.phone": "A Vietnamese mobile number, 10 digits (0xxxxxxxxx) or +84…",
    "guide.hint.phone_owner": "The subscription must be in the citizen's own name: the ID number typed.",
    "guide.hint.email": "Email is optional; if typed, it looks like name@domain.vn.",
    "guide.hint.captcha": "The captcha is the 6 characters beside it, any case; a wrong one gives a new one (F5).",
    "guide.hint.exists": "One account per ID number: use “Forgot password”, a service counter, or file a complaint.",
    "guide.hint.otp": "The code has 6 digits, lasts 5 minutes, works once; 5 wrong tries void it; "
    "resend after 60 seconds.",
    "guide.hint.password": "8 or more characters with lower case, upper case, a digit and a special character.",
    "guide.hint.password_personal": "A password must not contain the ID number, phone number, date of birth "
    "or name (in any case, with or without diacritics).",
    "guide.hint.password_strong": "Avoid common passwords, rows of keys and dates; join a few uncommon words, "
    "12 characters or more.",
    "guide.hint.login": "The login name is the ID number; a wrong name and a wrong password get the same message.",
    "guide.hint.login_locked": "5 wrong passwords in a row lock login for 1 minute, then 2, 4, 8, at "
    "most 15 minutes. If you forgot the password, use “Forgot password” to set a new one.",
    "guide.hint.bhxh": "The insurance number has 10 digits; the ID, name and date of birth must match the registry.",
    "guide.hint.mst": "A tax code has 10 digits, or 13 with a branch suffix (0109998883-001).",
    "guide.hint.agency": "An agency's code is shaped 000.00.00.H29.",
    "guide.hint.token": "The certificate must be valid, from the CA, not revoked; the PIN has 6–8 "
    "digits, 5 wrong ones lock the token.",
    "guide.hint.sim": "A signing request on the SIM expires after 2 minutes; 5 wrong SIM PINs lock it.",
    "guide.hint.totp": "An authenticator code has 6 digits and changes every 30 seconds; each works once.",
    "guide.hint.post": "The staff must check every paper before typing the details.",
    # -- kiosk mode
    "kiosk.countdown": "This session will be cleared in {seconds} seconds – press any key to continue",
    "kiosk.pin.title.quit": "Quit the simulator",
    "kiosk.pin.title.leave": "Leave kiosk mode",
    "kiosk.pin.intro": "Trainers only: type the trainer PIN. Esc to go back.",
    "kiosk.pin.label": "Trainer PIN",
    "kiosk.pin.submit": "Confirm",
    "kiosk.pin.back": "Back",
    "kiosk.pin.checking": "Checking the PIN…",
    "kiosk.pin_required": "Please type the trainer PIN.",
    "kiosk.pin_format": "The trainer PIN has {min} to {max} digits.",
    "kiosk.pin_weak": "That PIN is too easy to guess (repeated digits or a run such as 123456). Please choose another.",
    "kiosk.pin_mismatch": "The two PINs typed differ.",
    "kiosk.pin_wrong": "Wrong PIN. {left} tries left before a wait.",
    "kiosk.pin_wait": "Too many wrong PINs. Please try again in {seconds} seconds.",
    "kiosk.pin_not_set": "No trainer PIN has been set (dvc-tui kiosk set-pin).",
    "kiosk.left": "Kiosk mode is off. Press Ctrl+Q to quit.",
    "cli.kiosk.prompt": "New trainer PIN ({min}-{max} digits): ",
    "cli.kiosk.prompt_again": "Type the PIN again: ",
    "cli.kiosk.no_tty": "No keyboard to type the PIN on; use --pin-stdin to read it from standard input.",
    "cli.kiosk.saved.keyring": "Trainer PIN saved (only its Argon2id hash) in the OS keyring.",
    "cli.kiosk.saved.file": "Trainer PIN saved (only its Argon2id hash) in the file {path} (mode 0600).",
    "cli.kiosk.status.keyring": "Trainer PIN: set (OS keyring).",
    "cli.kiosk.status.file": "Trainer PIN: set (file {path}).",
    "cli.kiosk.status.unset": "Trainer PIN: not set. Set it with: dvc-tui kiosk set-pin",
    "cli.kiosk.status.mode": "Kiosk mode when run: {state}; the session is cleared after {seconds} idle seconds.",
    "cli.kiosk.on": "on",
    "cli.kiosk.off": "off",
    "cli.kiosk.no_pin": "Kiosk mode needs a trainer PIN. Set one first with: dvc-tui kiosk set-pin",
    "cli.hash_cost_invalid": "Password hashing cost \"{given}\" cannot be used: choose production, low, test or spell it out as t=PASSES,m=KiB,p=LANES (for example t=2,m=65536,p=1).",
    "cli.kiosk.idle_invalid": "the idle time is a whole number of seconds from {min} to {max}.",
    # -- phone app, training data, info screen
    "key.info": "Information",
    "phoneapp.title": "Simulated phone · {number}",
    "phoneapp.all": "every number",
    "phoneapp.hint": "The SMS and signing requests sent to the phone, newest on top. F6: the "
    "signing request; q: quit.",
    "info.title": "Information",
    "info.subtitle": "From the leaflet of ward 3",
    "info.zalo.kind": "Zalo group",
    "info.zalo.group": "CÔNG NGHỆ SỐ CỘNG ĐỒNG",
    "info.zalo.scan": "Open Zalo and scan this QR code to join",
    "info.directive": "People and businesses scan the QR code of CÔNG NGHỆ SỐ CỘNG ĐỒNG with Zalo, or "
    "open {url}, to receive the news of ward 3, in the spirit of Directive 02/CT-TTg of 26/4/2022 of "
    "the Prime Minister on developing e-government towards a digital government and promoting "
    "national digital transformation.",
    "info.portal": "Digitise records with a National Public Service Portal account ({url}) and the "
    "results of administrative procedures received and handled at one-stop service counters at every "
    "level.",
    "info.offline": "The simulator contacts neither Zalo nor the real portal: the QR code and the "
    "addresses are for citizens to open on their own phones.",
    "info.home": "Home page",
    "training.sec.subscribers": "Carrier numbers (registered to their owner)",
    "training.sec.insured": "People in the social-insurance (BHXH) registry",
    "training.sec.tokens": "USB signing tokens",
    "training.sec.sims": "Signing SIMs",
    "training.note.subscribers": "Registering with one of these numbers and another CCCD: “not the "
    "owner”. Numbers not listed count as the citizen's own.",
    "training.note.insured": "Registration by BHXH: the code goes to the number on the BHXH file.",
    "training.note.tokens": "Made by “dvc-tui training load” (or “dvc-tui token training”); 5 wrong "
    "PINs lock a token.",
    "training.note.sims": "Approve a signing request with the SIM's PIN (the SMS pane, or “dvc-tui "
    "phone”); 5 wrong PINs lock the SIM.",
    "training.col.phone": "Phone number",
    "training.col.owner": "Subscriber",
    "training.col.cccd": "CCCD",
    "training.col.bhxh": "BHXH number",
    "training.col.name": "Full name",
    "training.col.dob": "Date of birth",
    "training.col.phone_on_file": "Phone on file",
    "training.col.holder": "Holder",
    "training.col.kind": "Subject",
    "training.col.identifier": "Identifier",
    "training.col.login": "Login name",
    "training.col.pin": "PIN",
    "training.col.state": "State",
    "training.shape.valid": "Valid",
    "training.shape.expired": "Expired",
    "training.shape.revoked": "Revoked",
    "training.shape.foreign": "Issued by another CA: refused",
    "training.handout.title": "dvc-tui practice set",
    "training.handout.intro": "Simulated data for practice; no real people, numbers or certificates.",
    "training.handout.written": "Wrote the Markdown to {path}.",
    "training.handout.unwritable": "Could not write {path}: {detail}",
    "training.load.title": "Loading the practice set into {path}",
    "training.load.col.part": "Part",
    "training.load.col.made": "Made now",
    "training.load.col.kept": "Already there",
    "training.load.done": "The practice set is loaded.",
    "training.load.nothing": "The practice set was complete; nothing new was made.",
    "cli.reset.ask": "Delete all {count} accounts (with their authenticator apps, one-time codes, SMS and "
    "SIM signing requests)? Type '{word}' to confirm:",
    "cli.reset.cancelled": "Cancelled; nothing was deleted.",
    "cli.reset.done": "Deleted {accounts} accounts, {authenticators} authenticator apps, {codes} one-time "
    "codes, {sms} SMS and {requests} SIM signing requests. The practice data (carriers, BHXH, USB tokens "
    "and SIMs) is kept.",
    # -- trainer report
    "report.summary": "Training report: {events} events, {sessions} sessions{since}.",
    "report.log": "Log: {path}",
    "report.since": ", since {since}",
    "report.skipped": "Skipped {count} unreadable log lines.",
    "report.bad_since": "Invalid --since: “{value}”. Use a day YYYY-MM-DD or an ISO 8601 moment "
    "(e.g. 2026-11-30T08:00).",
    "report.csv_written": "The time-per-step table was written to {path}.",
    "report.csv_failed": "Could not write {path}: {detail}",
    "report.title.paths": "Completion per path",
    "report.title.steps": "Time per step (from entering it to entering the next)",
    "report.title.errors": "The 10 commonest errors",
    "report.col.path": "Path",
    "report.col.started": "Started",
    "report.col.finished": "Finished",
    "report.col.rate": "Rate %",
    "report.col.minutes": "Minutes (med.)",
    "report.col.step_median": "s/step (med.)",
    "report.caption.paths": "Finished: the path's result reached (registered, logged in, password "
    "changed). Minutes: from its start to its end. med.: median.",
    "report.col.screen": "Screen",
    "report.col.count": "Times",
    "report.col.median": "Median (s)",
    "report.col.mean": "Mean (s)",
    "report.col.message": "Message",
    "report.col.key": "Error key",
    "report.col.where": "Shown most at",
    "report.path.register": "Registration (choosing the method)",
    "report.path.mobile": "Mobile subscription",
    "report.path.bhxh": "Social insurance",
    "report.path.post": "Vietnam Post",
    "report.path.usb": "USB signing token",
    "report.path.sim": "Signing SIM",
    "report.path.login": "Log in",
    "report.path.forgot": "Forgot password",
    # -- demo and screenshots
    "demo.caption": "Demo – Step {n}: {text}",
    "demo.paused": "Demo – paused. Press any key to go on; Esc: take over; Ctrl+Q: quit.",
    "demo.stopped": "Demo stopped – you are in control of the app.",
    "demo.done": "Demo finished – you can go on using the app.",
    "demo.failed": "Demo stopped: {reason}",
    "demo.failed.screen": "the screen {screen} did not come.",
    "demo.failed.widget": "no field or button {widget} on the screen.",
    "demo.failed.timeout": "waited too long.",
    "demo.failed.sms": "no SMS with a one-time code arrived.",
    "demo.failed.sim": "no signing request on the phone.",
    "demo.unavailable.bhxh": "every practice person of the BHXH registry already has an account in this data dir.",
    "demo.unavailable.usb": "the practice USB token's holder (Nguyễn Văn An) already has an account in this data dir.",
    "demo.unavailable.sim": "the practice signing SIM's holder (Phạm Thị Lan) already has an account in this data dir.",
    "demo.step.home": "Home page: choose \"Register\".",
    "demo.step.subject": "Zone 3: choose the subject \"Citizen\".",
    "demo.step.method.mobile": "Zone 4: choose the method \"Mobile subscription\".",
    "demo.step.method.bhxh": "Zone 4: choose the method \"Social insurance\".",
    "demo.step.method.post": "Zone 4: choose the method \"Vietnam Post\".",
    "demo.step.method.usb": "Zone 4: choose the method \"USB signing token\" (the practice tokens plugged in).",
    "demo.step.method.sim": "Zone 4: choose the method \"Signing SIM\".",
    "demo.step.form.mobile": "Zone 6: the ID number, name, date of birth, own mobile number and the captcha; zone 7: REGISTER.",
    "demo.step.form.bhxh": "The social insurance number, ID number, name, date of birth and the captcha, then REGISTER.",
    "demo.step.form.post": "The counter staff types the citizen's details, then REGISTER: an activation code goes by SMS.",
    "demo.step.form.sim": "The ID number, name, the number holding the signing SIM and the captcha, then REGISTER.",
    "demo.step.post_papers": "The Vietnam Post staff ticks the papers checked.",
    "demo.step.code": "Zone 8: type the one-time code from the SMS (right pane), CONFIRM.",
    "demo.step.password": "Zone 9: set a password (sample: {password}), repeat it, REGISTER.",
    "demo.step.registered": "Registered.",
    "demo.step.to_login": "Choose \"Log in now\".",
    "demo.step.login": "Zone 2: type the password ({password}), LOG IN.",
    "demo.step.login_code": "Zone 3: type the code just received, zone 4: CONFIRM.",
    "demo.step.profile": "Logged in: the account's page.",
    "demo.step.forgot": "Forgot the password? Choose \"Forgot password\".",
    "demo.step.forgot_form": "Type the ID number and the captcha to receive a code.",
    "demo.step.new_password": "Set a new password ({password}), repeat it, confirm.",
    "demo.step.usb_token": "Choose the certificate on the USB signing token.",
    "demo.step.usb_pin": "Type the token's PIN ({pin}), Enter: the token signs a challenge.",
    "demo.step.usb_review": "Check the certificate's details, type the captcha, REGISTER.",
    "demo.step.to_login_usb": "Choose \"Log in now\": the USB signing token tab.",
    "demo.step.usb_login": "Type the PIN ({pin}) to log in with the USB signing token.",
    "demo.step.sim_approve": "On the phone: type the signing SIM's PIN ({pin}), Confirm.",
    "book.title": "dvc-tui illustrated handbook",
    "book.intro": "Every screen of every path, pictured by the app itself (dvc-tui screenshots).",
    "book.badges": "Training mode on: the leaflet's zone numbers are shown on the screens.",
    "book.no_badges": "This version has no training mode yet: the pictures carry no zone numbers.",
    "book.path.mobile": "Registration by mobile subscription",
    "book.path.login": "Registration, then login (password and one-time code)",
    "book.path.bhxh": "Registration by social insurance",
    "book.path.post": "Registration at Vietnam Post",
    "book.path.usb": "Registration and login with a USB signing token",
    "book.path.sim": "Registration with a signing SIM",
    "book.path.forgot": "Forgotten password",
    "book.written": "Wrote {count} pictures and {index} to {outdir}.",
}

CATALOGS = {"vi": VI, "en": EN}
LANGUAGES = tuple(CATALOGS)
_current = "vi"


def set_language(lang: str) -> None:
    global _current
    if lang not in CATALOGS:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current = lang


def language() -> str:
    return _current


class Said(str):
    """A sentence that remembers where it came from (its key and parameters, or its core
    Problem), so a screen can say it again in the other language and the training guide can
    name the rule behind it."""

    key: str | None = None
    params: dict[str, Any] = {}
    problem: Any = None


def _said(text: str, key: str, params: dict[str, Any], problem: Any = None) -> Said:
    said = Said(text)
    said.key, said.params, said.problem = key, params, problem
    return said


def t(key: str, **params: Any) -> str:
    template = CATALOGS[_current].get(key) or VI.get(key) or key
    if not params:
        return _said(template, key, params)
    try:
        return _said(template.format(**params), key, params)
    except (KeyError, IndexError, ValueError):
        return _said(template, key, params)


def said_again(text: str | None) -> str | None:
    """The same sentence in the current language (a plain string stays as it is)."""
    if not isinstance(text, Said):
        return text
    if text.problem is not None:
        return problem_text(text.problem)
    if text.key is not None:
        return t(text.key, **{k: said_again(v) for k, v in text.params.items()})
    return text


def problem_text(problem) -> str:
    """The sentence for a core Problem; rule names inside are translated too."""
    params = dict(problem.params)
    if problem.key == "login.locked" and isinstance(params.get("seconds"), int):
        params["wait"] = duration_text(params["seconds"])
    if problem.key == "password.weak" and "rule" in params:
        params["rule"] = t(f"pw.rule.{params['rule']}")
    if problem.key == "password.personal" and "which" in params:
        params["which"] = t(f"pw.personal.{params['which']}")
    if problem.key == "password.guessable" and "hint" in params:
        params["hint"] = t(f"pw.hint.{params['hint']}")
    if problem.key == "post.papers_missing" and isinstance(params.get("papers"), (tuple, list)):
        params["papers"] = "; ".join(f"“{t(f'post.paper.{paper}')}”" for paper in params["papers"])
    for name, value in params.items():  # why a file could not be used (store/errors.py)
        if isinstance(value, str) and value.startswith("storage.reason."):
            params[name] = t(value)
    said = t(problem.key, **params)
    said.problem = problem
    return said


def duration_text(seconds: int) -> str:
    """A wait in words: "1 phút 30 giây", "2 phút", "45 giây" (English: "1 minute 30 seconds")."""
    minutes, seconds = divmod(max(0, int(seconds)), 60)
    parts = []
    if minutes:
        parts.append(t("duration.minute" if minutes == 1 else "duration.minutes", n=minutes))
    if seconds or not minutes:
        parts.append(t("duration.second" if seconds == 1 else "duration.seconds", n=seconds))
    return " ".join(parts)
