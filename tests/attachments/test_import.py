"""What a user attaches is read for what it is: phone photos reduced upright to 2,048 px in
sRGB without their GPS position; PDF and XLSX kept as they are; anything else refused clearly."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from desktop.core.errors import InputError
from desktop.store.file_import import prepare
from tests.attachments import samples


def _open(data: bytes | None) -> Image.Image:
    assert data is not None
    return Image.open(io.BytesIO(data))


def test_a_phone_photo_is_reduced_upright_without_its_gps(tmp_path: Path) -> None:
    source = samples.phone_photo(tmp_path / "IMG_0001.JPG", (5000, 3750), orientation=6)
    photo = prepare(source)
    image = _open(photo.data)
    # Stored 5000 × 3750 sideways: upright it is 3750 wide, 5000 high; reduced to 2048 high.
    assert (image.format, image.size) == ("JPEG", (1536, 2048)) == (image.format, (photo.width, photo.height))
    assert photo.media_type == "image/jpeg" and photo.file_name == "IMG_0001.jpg"
    exif = image.getexif()
    assert samples.GPS_IFD not in exif and exif.get(samples.ORIENTATION) in (None, 1)
    assert exif.get(0x010F) == "PhoneMaker"  # the rest of the EXIF stays
    rgb = image.convert("RGB")
    # Turned 90° clockwise: the red left half is now on top.
    assert rgb.getpixel((768, 100))[0] > 200 and rgb.getpixel((768, 1948))[2] > 200  # type: ignore[index]


@pytest.mark.parametrize(
    ("size", "reduced"),
    [
        ((4000, 3000), (2048, 1536)),  # 12 MP: halved it would be 2,000 px, short of 2,048
        ((4032, 3024), (2048, 1536)),
        ((8000, 6000), (2048, 1536)),  # decoded at half size (4,000 px), then resized
        ((3000, 9000), (683, 2048)),
        ((2048, 1000), (2048, 1000)),  # long enough already: as it is
    ],
)
def test_a_photo_is_reduced_to_exactly_2048_px_on_its_long_side(
    tmp_path: Path, size: tuple[int, int], reduced: tuple[int, int]
) -> None:
    photo = prepare(samples.phone_photo(tmp_path / "IMG_0002.jpg", size, orientation=1))
    assert (photo.width, photo.height) == reduced == _open(photo.data).size


def test_gps_is_kept_only_on_purpose(tmp_path: Path) -> None:
    source = samples.phone_photo(tmp_path / "kept.jpg", (800, 600))
    assert samples.GPS_IFD in _open(prepare(source, keep_gps=True).data).getexif()


def test_a_small_png_keeps_its_size_and_becomes_a_jpeg_on_white(tmp_path: Path) -> None:
    photo = prepare(samples.png(tmp_path / "layar.png", (800, 600)))
    image = _open(photo.data)
    assert image.format == "JPEG" and image.size == (800, 600) and image.mode == "RGB"
    red, green, _blue = image.getpixel((10, 10))  # type: ignore[misc]
    assert green > 150 and red > 100  # half-transparent green over white


def test_a_heic_photo_is_read(tmp_path: Path) -> None:
    photo = prepare(samples.heic(tmp_path / "IMG_0002.HEIC", (3000, 2000)))
    assert photo.media_type == "image/jpeg" and (photo.width, photo.height) == (2048, 1365)
    assert photo.file_name == "IMG_0002.jpg"


@pytest.mark.parametrize("make", [samples.pdf, samples.xlsx])
def test_pdf_and_xlsx_are_kept_as_they_are(tmp_path: Path, make: object) -> None:
    suffix = ".pdf" if make is samples.pdf else ".xlsx"
    source = make(tmp_path / f"Notulen rapat{suffix}")  # type: ignore[operator]
    prepared = prepare(source)
    assert prepared.data is None and prepared.source == source and prepared.width is None
    assert prepared.file_name == source.name


def test_a_file_that_is_not_what_its_name_says_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "foto.jpg"
    samples.pdf(fake)
    with pytest.raises(InputError, match=r"is not what its name says .*JPEG"):
        prepare(fake)
    zipped = tmp_path / "rekap.xlsx"
    zipped.write_bytes(b"PK\x03\x04 not a workbook at all")
    with pytest.raises(InputError, match=r"is not what its name says .*XLSX"):
        prepare(zipped)
    with pytest.raises(InputError, match="cannot be attached: Mufakat takes"):
        prepare(samples.pdf(tmp_path / "program.exe"))


def test_an_image_bomb_is_refused_before_it_is_decoded(tmp_path: Path) -> None:
    bomb = samples.png_bomb(tmp_path / "bom.png", 12_000)
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(InputError, match="a photo may have at most 120 megapixels"):
        prepare(bomb)
    huge = samples.png_bomb(tmp_path / "besar.png", 20_000)  # beyond Pillow's own limit too
    with pytest.raises(InputError, match="a photo may have at most 120 megapixels"):
        prepare(huge)


def test_a_damaged_photo_is_refused_with_a_message(tmp_path: Path) -> None:
    source = samples.phone_photo(tmp_path / "rusak.jpg", (800, 600))
    source.write_bytes(source.read_bytes()[:400])
    with pytest.raises(InputError, match="is damaged and cannot be read as a photo"):
        prepare(source)


def test_an_empty_or_missing_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "kosong.pdf").write_bytes(b"")
    with pytest.raises(InputError, match="is empty"):
        prepare(tmp_path / "kosong.pdf")
    with pytest.raises(InputError, match="cannot be read"):
        prepare(tmp_path / "hilang.pdf")


def test_a_photo_whose_exif_is_too_long_for_a_jpeg_is_kept_without_it(tmp_path: Path) -> None:
    source = tmp_path / "maker.png"  # a PNG may carry more EXIF than a JPEG segment holds
    exif = Image.Exif()
    exif[0x927C] = b"x" * 70_000  # a maker note
    Image.new("RGB", (800, 600), "white").save(source, "PNG", exif=exif.tobytes())
    photo = prepare(source)
    assert _open(photo.data).size == (800, 600)
