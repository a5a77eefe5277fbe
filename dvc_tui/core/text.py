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
    "home.info_later": "Trang thông tin sẽ có trong phiên bản sau.",
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
    "error.storage": "Không đọc/ghi được dữ liệu: {detail}",
    "error.unexpected": "Đã xảy ra lỗi không mong muốn; dữ liệu bạn đã nhập vẫn được giữ. Chi tiết: {detail}",
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
    # -- kiosk mode
    # -- phone app, training data, info screen
    # -- trainer report
    # -- demo and screenshots
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
    "home.info_later": "The information page comes in a later version.",
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
    "error.storage": "Could not read or write the data: {detail}",
    "error.unexpected": "Something unexpected went wrong; what you typed is kept. Details: {detail}",
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
    # -- kiosk mode
    # -- phone app, training data, info screen
    # -- trainer report
    # -- demo and screenshots
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


def t(key: str, **params: Any) -> str:
    template = CATALOGS[_current].get(key) or VI.get(key) or key
    if not params:
        return template
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def problem_text(problem) -> str:
    """The sentence for a core Problem; rule names inside are translated too."""
    params = dict(problem.params)
    if problem.key == "password.weak" and "rule" in params:
        params["rule"] = t(f"pw.rule.{params['rule']}")
    if problem.key == "post.papers_missing" and isinstance(params.get("papers"), (tuple, list)):
        params["papers"] = "; ".join(f"“{t(f'post.paper.{paper}')}”" for paper in params["papers"])
    return t(problem.key, **params)
