"""Identity data the portal checks: CMT/CCCD, full name, date of birth, mobile number, email.

Every `parse_*` returns the normalised value or raises `PortalError` with a catalog key, so the
screens can show the reason under the field in the user's language.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from dvc_tui.core.problems import PortalError

# The 63 provinces' codes, the first three digits of a 12-digit CCCD (Circular 07/2016/TT-BCA).
PROVINCES: dict[str, str] = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn",
    "008": "Tuyên Quang", "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu",
    "014": "Sơn La", "015": "Yên Bái", "017": "Hòa Bình", "019": "Thái Nguyên",
    "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang", "025": "Phú Thọ",
    "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định",
    "037": "Ninh Bình", "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh",
    "044": "Quảng Bình", "045": "Quảng Trị", "046": "Thừa Thiên Huế", "048": "Đà Nẵng",
    "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định", "054": "Phú Yên",
    "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng",
    "070": "Bình Phước", "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu", "079": "Hồ Chí Minh", "080": "Long An", "082": "Tiền Giang",
    "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long", "087": "Đồng Tháp",
    "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ", "093": "Hậu Giang",
    "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}

# 4th digit of a CCCD: century of birth and sex (even = male, odd = female).
_CENTURY_BY_DIGIT = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100, 6: 2200, 7: 2200, 8: 1800, 9: 1800}

MAX_FIELD = 256
"""Anything longer than this is refused before any other check (a paste gone wrong)."""


def _clean(text: str) -> str:
    """NFC, without the spaces around it. Only spaces and tabs are trimmed: any other control
    or separator character stays in, so the field's check refuses it with a message."""
    return unicodedata.normalize("NFC", text).strip(" \t\r\n\u00a0")


def _too_long(text: str, key: str) -> None:
    if len(text) > MAX_FIELD:
        raise PortalError(key)


@dataclass(frozen=True)
class IdNumber:
    """A CMT (9-digit CMND) or a 12-digit CCCD."""

    value: str

    @property
    def is_cccd(self) -> bool:
        return len(self.value) == 12

    @property
    def province(self) -> str | None:
        return PROVINCES.get(self.value[:3]) if self.is_cccd else None

    def masked(self) -> str:
        return mask_id(self.value)


def parse_id_number(text: str, dob: date | None = None) -> IdNumber:
    """Check a CMT/CCCD. With a date of birth, a CCCD's century and year digits must agree."""
    _too_long(text, "id.format")
    value = _clean(text)
    if not value:
        raise PortalError("id.required")
    if not (value.isascii() and value.isdigit()):
        raise PortalError("id.digits")
    if len(value) == 9:
        return IdNumber(value)
    if len(value) != 12:
        raise PortalError("id.length", length=len(value))
    if value[:3] not in PROVINCES:
        raise PortalError("id.province", code=value[:3])
    century = _CENTURY_BY_DIGIT[int(value[3])]
    if dob is not None:
        if century != dob.year // 100 * 100:
            raise PortalError("id.century", digit=value[3], year=dob.year)
        if value[4:6] != f"{dob.year % 100:02d}":
            raise PortalError("id.year", digits=value[4:6], year=dob.year)
    return IdNumber(value)


def parse_full_name(text: str) -> str:
    """A person's name: NFC, Latin letters (Vietnamese diacritics included) and single spaces."""
    _too_long(text, "name.length")
    value = " ".join(part for part in _clean(text).split(" ") if part)
    if not value:
        raise PortalError("name.required")
    if any(ch.isspace() and ch != " " for ch in value):
        raise PortalError("name.spaces")
    for ch in value:
        if ch == " ":
            continue
        if not ch.isalpha() or not unicodedata.name(ch, "").startswith("LATIN"):
            raise PortalError("name.letters", char=_printable(ch))
    if not 2 <= len(value) <= 100:
        raise PortalError("name.length")
    return value


def _printable(ch: str) -> str:
    return ch if ch.isprintable() and not unicodedata.category(ch).startswith(("C", "Z", "M")) else f"U+{ord(ch):04X}"


_DOB = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_dob(text: str, today: date) -> date:
    """A date of birth typed as dd/mm/yyyy: a real date, not in the future, 1900 or later."""
    _too_long(text, "dob.format")
    value = _clean(text)
    if not value:
        raise PortalError("dob.required")
    match = _DOB.fullmatch(value) if value.isascii() else None
    if not match:
        raise PortalError("dob.format")
    day, month, year = (int(g) for g in match.groups())
    try:
        born = date(year, month, day)
    except ValueError:
        raise PortalError("dob.invalid") from None
    if born > today:
        raise PortalError("dob.future")
    if year < 1900:
        raise PortalError("dob.too_old")
    return born


def format_dob(born: date) -> str:
    return born.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class Phone:
    """A Vietnamese mobile number, kept as E.164 (+84...)."""

    e164: str

    @property
    def national(self) -> str:
        return "0" + self.e164[3:]

    @property
    def carrier(self) -> str:
        import phonenumbers
        from phonenumbers import carrier

        return carrier.name_for_number(phonenumbers.parse(self.e164), "vi") or ""

    def masked(self) -> str:
        """As on the registration code screen: 082****088."""
        n = self.national
        return n[:3] + "*" * (len(n) - 6) + n[-3:]

    def masked_login(self) -> str:
        """As on the login code screen: 0828xxx088."""
        n = self.national
        return n[:4] + "x" * (len(n) - 7) + n[-3:]


def parse_phone(text: str) -> Phone:
    """A Vietnamese mobile number, 0xxxxxxxxx or +84..., checked with phonenumbers."""
    import phonenumbers

    _too_long(text, "phone.format")
    value = _clean(text)
    if not value:
        raise PortalError("phone.required")
    compact = re.sub(r"[ .\-()]", "", value)
    if not compact.isascii() or not re.fullmatch(r"\+?\d{6,15}", compact):
        raise PortalError("phone.format")
    try:
        number = phonenumbers.parse(compact, "VN")
    except phonenumbers.NumberParseException:
        raise PortalError("phone.format") from None
    if number.country_code != 84:
        raise PortalError("phone.not_vn")
    if not phonenumbers.is_valid_number(number):
        raise PortalError("phone.invalid")
    kind = phonenumbers.number_type(number)
    if kind not in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
        raise PortalError("phone.not_mobile")
    return Phone(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)


def parse_email(text: str) -> str | None:
    """Optional: None when empty, otherwise a plausible address (lower-cased domain)."""
    _too_long(text, "email.invalid")
    value = _clean(text)
    if not value:
        return None
    if len(value) > 254 or not _EMAIL.fullmatch(value):
        raise PortalError("email.invalid")
    local, _, domain = value.rpartition("@")
    if len(local) > 64:
        raise PortalError("email.invalid")
    return f"{local}@{domain.lower()}"


def parse_bhxh_number(text: str) -> str:
    """A Mã số BHXH (social-insurance number): exactly 10 ASCII digits."""
    _too_long(text, "bhxh.format")
    value = _clean(text)
    if not value:
        raise PortalError("bhxh.required")
    if not (value.isascii() and value.isdigit()):
        raise PortalError("bhxh.digits")
    if len(value) != 10:
        raise PortalError("bhxh.length", length=len(value))
    return value


def same_name(a: str, b: str) -> bool:
    """Two names are the same person's: NFC, case-insensitive, spaces collapsed."""

    def norm(name: str) -> str:
        return " ".join(unicodedata.normalize("NFC", name).casefold().split())

    return norm(a) == norm(b)


def mask_id(value: str) -> str:
    return value[:3] + "*" * max(len(value) - 6, 0) + value[-3:]


# -- businesses and agencies ------------------------------------------------------------------
@dataclass(frozen=True)
class TaxCode:
    """A Mã số thuế (MST): 10 digits, or 13 for a branch (the parent's 10 and a 3-digit suffix)."""

    value: str  # the digits only: 10 or 13

    @property
    def head(self) -> str:
        """The enterprise's own 10 digits (the parent company's, for a branch)."""
        return self.value[:10]

    @property
    def branch(self) -> str | None:
        return self.value[10:] or None

    @property
    def formatted(self) -> str:
        """As printed on papers: 0109998883 or 0109998883-001."""
        return self.value if self.branch is None else f"{self.head}-{self.branch}"


_TAX_CODE = re.compile(r"(\d{10})(?: *- *(\d{3})|(\d{3}))?")


def parse_tax_code(text: str) -> TaxCode:
    """A Mã số thuế: 10 digits, or 13 with a branch suffix written with or without a dash
    (0109998883-001 or 0109998883001); the check digit (the 10th) checked with stdnum.vn.mst."""
    from stdnum import exceptions
    from stdnum.vn import mst

    _too_long(text, "mst.format")
    value = _clean(text)
    if not value:
        raise PortalError("mst.required")
    if not value.isascii() or any(ch not in "0123456789- " for ch in value):
        raise PortalError("mst.digits")
    digits = value.replace("-", "").replace(" ", "")
    if len(digits) not in (10, 13):
        raise PortalError("mst.length", length=len(digits))
    match = _TAX_CODE.fullmatch(value)
    if not match:
        raise PortalError("mst.format")
    try:
        number = mst.validate(digits)
    except exceptions.InvalidChecksum:
        raise PortalError("mst.checksum") from None
    except exceptions.InvalidComponent:
        raise PortalError("mst.branch" if digits[2:9] != "0000000" else "mst.sequence") from None
    except exceptions.ValidationError:
        raise PortalError("mst.format") from None
    return TaxCode(number)


@dataclass(frozen=True)
class AgencyCode:
    """A state agency's electronic identifier (mã định danh điện tử, Decision 20/2020/QĐ-TTg),
    written as on official documents: 000.00.00.H29 (levels 4, 3 and 2 as digits, then the
    level-1 unit: a capital letter and two digits). Only the shape is checked: the simulator
    holds no register of agencies."""

    value: str


_AGENCY_CODE = re.compile(r"\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}")


def parse_agency_code(text: str) -> AgencyCode:
    _too_long(text, "agency.format")
    value = _clean(text).upper()
    if not value:
        raise PortalError("agency.required")
    if not value.isascii() or not _AGENCY_CODE.fullmatch(value):
        raise PortalError("agency.format")
    return AgencyCode(value)


_ORG_PUNCTUATION = set(" .,-–&()/'\"+:")


def parse_org_name(text: str) -> str:
    """A business's or an agency's name: NFC, letters, digits, single spaces and the punctuation
    of company names (. , - – & ( ) / ' " + :), 2-200 characters."""
    _too_long(text, "org_name.length")
    value = " ".join(part for part in _clean(text).split(" ") if part)
    if not value:
        raise PortalError("org_name.required")
    for ch in value:
        if not (ch.isalnum() or ch in _ORG_PUNCTUATION):
            raise PortalError("org_name.chars", char=_printable(ch))
    if not 2 <= len(value) <= 200:
        raise PortalError("org_name.length")
    return value
