"""Web-page chrome around a copied text: navigation and breadcrumbs, 发布时间/来源/浏览 lines,
metadata fields, share/print buttons, bracketed tags, footers, rows of short menu items.

The reader (title, 文号, signature windows) and the analysis (opening and closing lines) both skip
such lines; a Document asks this test once per line (``Document.is_chrome``)."""

from __future__ import annotations

from zzreview import lazy_regex
from zzreview.text.triggers import gated

# Most chrome shows at the start of a line (matched there only); the few marks that show anywhere
# are searched for on their own.
_CHROME_START = lazy_regex.compile(
    r"(?:您(?:现在|当前)?(?:的|所在的?)?位置|当前(?:所在)?位置|网站首页|首页\s*[>»/|]|设为首页|加入收藏|收藏本站|热门站点|"
    r"无障碍|长辈版|简体|繁体|跳转到|返回|关闭|举报|打印|分享|字号|字体|视力保护|朗读|下载地址|点击|扫一扫|微信|"
    r"(?:发布|发表|更新|生成|公开|成文|归档|颁布|实施)(?:时间|日期)\s*[：:]|(?:信息)?来源\s*[：:]|作者\s*[：:]|编辑\s*[：:]|"
    r"责编|审核\s*[：:]|浏览(?:次数|量)?\s*[：:]|阅读\s*[：:]|索\s*引\s*号|主题分类|组配分类|体裁分类|发布机构|"
    r"发文机[关构]\s*[：:]|主\s*题\s*词|标\s*题\s*[：:]|名\s*称\s*[：:]|文件编号|公开(?:方式|时限|范围|形式|程序)|"
    r"效力(?:状况|级别)|时效性|法规类别|相关(?:文章|链接|文件)|上一篇|下一篇|评论|参与评论|【发表评论】|"
    r"(?:C|c)opy(?:R|r)ight|版权所有|主办单位|第\s*\[?\d+\]?\s*页|上面法规内容|查看全文|投稿|"
    r"[•·]|\||-\s)"
    r"|【[^】]{1,12}】\s*$|【[^】]{1,12}】\s*[^\p{Han}]")
_CHROME_ANYWHERE = gated(
    ("：", ":", "|", "｜", ">", "»", "›"),
    r"(?:首页|主页)\s*[>»›]|\s[|｜]\s.*\s[|｜]\s"
    r"|(?:发布时间|发布日期|来源|浏览次数|阅读)\s*[：:][^。]{0,60}(?:来源|浏览|字号|字体|阅读|作者|打印)")
_SENTENCE_MARK = lazy_regex.compile(r"[。，；：]")


def is_chrome(text: str) -> bool:
    """A line of web-page chrome rather than of the document (also a row of short menu items)."""
    t = text.strip()
    if not t or len(t) >= 200:
        return False
    if _may_start_chrome(t[:2]) and _CHROME_START.match(t):
        return True
    if _CHROME_ANYWHERE.search(t):
        return True
    if len(t[:7].split(None, 1)[0]) > 6:  # the first item is longer than a menu item
        return False
    items = t.split()
    return len(items) >= 4 and all(len(i) <= 6 for i in items) and not _SENTENCE_MARK.search(t)


_STARTS_SEEN: dict[str, bool] = {}
_STARTS_KEPT = 20000


def _may_start_chrome(start: str) -> bool:
    """Whether a line beginning with ``start`` (its first two characters) could match _CHROME_START:
    the pattern's partial match on them alone, found once per pair (most lines begin with one that
    no chrome begins with, and then the pattern's many alternatives are not tried at all)."""
    may = _STARTS_SEEN.get(start)
    if may is None:
        may = _CHROME_START.match(start, partial=True) is not None
        if len(_STARTS_SEEN) < _STARTS_KEPT:
            _STARTS_SEEN[start] = may
    return may
