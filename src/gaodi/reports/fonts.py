"""The CJK font embedded in charts, maps and PDF reports, and the font names Word documents ask for.

Charts and PDFs embed the font file of the Debian package ``fonts-wqy-microhei`` (文泉驿微米黑,
Apache-2.0/GPLv3), so a report prints the same on a machine without Chinese fonts. Word documents
only name their fonts, as official documents do (GB/T 9704-2012: 标题 小标宋, 正文 仿宋_GB2312 三号,
一级标题 黑体, 二级标题 楷体_GB2312); Word and LibreOffice substitute when a font is missing.
"""

from __future__ import annotations

from pathlib import Path

from gaodi.errors import ConfigurationError

FONT_PACKAGE = "fonts-wqy-microhei"
FONT_FAMILY = "WenQuanYi Micro Hei"
FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
    Path("/usr/local/share/fonts/wqy-microhei.ttc"),
)

# Font names in Word documents, as officials' templates set them (East Asian name, then a fallback).
BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
HEADING1_FONT = "黑体"
HEADING2_FONT = "楷体_GB2312"
TABLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"

# Type sizes in points (字号): 二号 22, 三号 16, 四号 14, 小四 12, 五号 10.5, 小五 9.
SIZE = {"二号": 22.0, "三号": 16.0, "四号": 14.0, "小四": 12.0, "五号": 10.5, "小五": 9.0}

# CSS font stacks for HTML and PDF: the official names first, the embedded font as the fallback.
CSS_BODY = f'"仿宋_GB2312", "FangSong", "STFangsong", "{FONT_FAMILY}", "Noto Serif CJK SC", serif'
CSS_HEADING = f'"黑体", "SimHei", "STHeiti", "{FONT_FAMILY}", "Noto Sans CJK SC", sans-serif'
CSS_TABLE = f'"宋体", "SimSun", "STSong", "{FONT_FAMILY}", "Noto Serif CJK SC", serif'


def cjk_font_path(candidates: tuple[Path, ...] = FONT_CANDIDATES) -> Path:
    """Return the CJK font file to embed; raise ConfigurationError naming the package when it is missing."""
    for path in candidates:
        if path.is_file():
            return path
    raise ConfigurationError(
        f"找不到报告所需的中文字体文件（{candidates[0]}）",
        f"the CJK font file for reports is missing ({candidates[0]})",
        fix=f"安装 Debian 软件包 {FONT_PACKAGE}：apt-get install {FONT_PACKAGE}（或运行 make system-deps）",
        details={"package": FONT_PACKAGE, "looked_in": [str(p) for p in candidates]},
    )
