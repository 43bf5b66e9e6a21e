"""Certification demands by class: what the chunker must find and what it must leave alone.

Sentences are written for these tests (fishing, schooling, veterinary, forestry, sports …), each
class on both sides.
"""

from __future__ import annotations

import gc
import time

import pytest
from conftest import certification_demands

from zzreview.analysis.cert_clauses import line_demands as _line_demands


def demands(draft, body: str):
    return certification_demands(draft(body))


def texts(draft, body: str) -> list[str]:
    return [d.text for d in demands(draft, body)]


# --- 1. descriptive items: a clause or an issuer + 的 + 证明 ------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("第五条 申请休渔期补助的，应当提交渔船在休渔期间停港未出海的证明。", ["渔船在休渔期间停港未出海的证明"]),
    ("第六条 转学的，应当提供原就读学校同意转出的证明。", ["原就读学校同意转出的证明"]),
    ("第七条 申请兽药经营的，还应当提交所在地畜牧兽医站的证明。", ["所在地畜牧兽医站的证明"]),
    ("第八条 参赛运动员应当携带与参赛资格审核有关的其他证明。", ["与参赛资格审核有关的其他证明"]),
])
def test_descriptive_items_are_found(draft, body, expected):
    assert texts(draft, body) == expected


def test_a_verb_inside_the_item_is_part_of_it(draft):
    ds = demands(draft, "第九条 申请人应当提交能够证明其林木系合法采伐的证明材料。")
    assert [d.text for d in ds] == ["能够证明其林木系合法采伐的证明材料"]


@pytest.mark.parametrize("body, expected", [
    # a verb marked 已/未 or with a complement (交回, 转出) inside the modifier, under a list header
    ("第三条 退役士兵申请安置补助，应当提交下列材料：\n\n（一）原部队已交回军人证件的证明；\n\n"
     "（二）采伐迹地未交还林场的证明材料。", ["原部队已交回军人证件的证明", "采伐迹地未交还林场的证明材料"]),
    # the same with the demand verb in the sentence
    ("第四条 申请渔船更新的，须出示旧船已交出捕捞许可证的证明。", ["旧船已交出捕捞许可证的证明"]),
    ("第五条 转入学生应当提交原校已经领取学籍档案的证明。", ["原校已经领取学籍档案的证明"]),
    # a marked verb with a verb of its own between it and 的 still governs
    ("第六条 申请人应当提交已取得村民委员会出具的林木权属证明。", ["村民委员会出具的林木权属证明"]),
])
def test_a_marked_verb_inside_the_modifier_keeps_the_whole_phrase(draft, body, expected):
    assert texts(draft, body) == expected


@pytest.mark.parametrize("body", [
    "第七条 申请人未取得林木采伐许可证明的，不予办理运输手续。",
    "第七条 渔船未提交船籍港所在地的检验证明的，不得出海。",
])
def test_a_marked_verb_before_a_condition_is_no_demand(draft, body):
    assert texts(draft, body) == []


@pytest.mark.parametrize("body", [
    "第五条 有证据证明渔船擅自出海的，依法处理。",
    "第六条 检疫结果足以证明该批动物健康的，准予调运。",
    "第七条 经调查证明举报属实的，给予奖励。",
])
def test_证明_as_a_verb_is_no_demand(draft, body):
    assert texts(draft, body) == []


# --- 2. other heads and alternatives --------------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("第三条 申请人应当提交渔船所有权取得的证明文件。", ["渔船所有权取得的证明文件"]),
    ("第三条 出国参赛的，应当提交体育协会出具的参赛证明书。", ["体育协会出具的参赛证明书"]),
    ("第三条 借读学生应当持原学校的证明信办理。", ["原学校的证明信"]),
    ("第三条 申请人应当提交苗木由本地育苗或者由外地调入的证明材料。", ["苗木由本地育苗或者由外地调入的证明材料"]),
])
def test_other_heads_and_alternatives(draft, body, expected):
    assert texts(draft, body) == expected


def test_alternatives_inside_one_name(draft):
    assert texts(draft, "第三条 申请采伐的，应当提交林木所有权或者使用权证明。") == ["林木所有权或者使用权证明"]
    assert texts(draft, "第三条 应当提交营业执照或者经营场所证明。") == ["经营场所证明"]


def test_items_joined_by_and_are_separate(draft):
    assert texts(draft, "第三条 应当提交捕捞日志和渔获物来源证明以及冷库存储证明。") == [
        "渔获物来源证明", "冷库存储证明"]


# --- 3. items of a list, with or without a header verb ----------------------------------------------

def test_list_items_in_separate_lines(draft):
    body = ("第四条 申请渔业捕捞许可，应当提交下列材料：\n\n（一）捕捞许可申请表；\n\n"
            "（二）渔船检验证明；\n\n（三）县级渔业主管部门出具的渔民身份证明；\n\n"
            "（四）公安机关出具的渔船被盗报案证明。\n\n第五条 本办法自发布之日起施行。")
    assert texts(draft, body) == ["渔船检验证明", "县级渔业主管部门出具的渔民身份证明",
                                  "公安机关出具的渔船被盗报案证明"]
    d = demands(draft, body)[2]
    assert d.issuer == "公安机关" and d.name == "渔船被盗报案证明"


def test_a_guide_heading_without_a_verb_carries_the_demand(draft):
    body = "所需材料\n\n学生户籍证明\n\n监护人务工证明\n\n近期免冠照片\n\n办理流程\n\n窗口受理后五个工作日内办结。"
    assert texts(draft, body) == ["学生户籍证明", "监护人务工证明"]


def test_a_materials_table_and_the_heading_that_ends_it(draft):
    body = ("## 申请材料\n\n| 序号 | 材料名称 | 来源 |\n|---|---|---|\n| 1 | 转学申请表 | 申请人 |\n"
            "| 2 | 原就读学校出具的在读证明 | 原学校 |\n| 3 | 监护人工作证明 | 工作单位 |\n\n"
            "## 办理流程\n\n1. 网上申请\n2. 学校查看健康证明\n")
    assert texts(draft, body) == ["原就读学校出具的在读证明", "监护人工作证明"]


def test_a_materials_section_lasts_to_the_next_heading(draft):
    body = ("二、申请所需资料\n\n（一）申请人应当如实填写申请表，并提供下列材料：\n\n"
            "与原件核对后的申请人户口簿复印件，委托他人办理的还需提供委托书；\n\n"
            "（二）猎犬的狂犬病免疫证明；\n\n（三）县级畜牧兽医站出具的养殖场所防疫条件证明。\n\n"
            "三、办理流程\n\n（一）窗口受理后核对健康证明原件。")
    assert texts(draft, body) == ["猎犬的狂犬病免疫证明", "县级畜牧兽医站出具的养殖场所防疫条件证明"]


def test_a_title_naming_materials_opens_the_list(draft):
    body = "1.渔船检验证明；\n\n2.渔民身份证复印件；\n\n3.休渔期停港证明。"
    titled = certification_demands(draft(body, title="休渔补助申请材料"))
    assert [d.text for d in titled] == ["渔船检验证明", "休渔期停港证明"]
    assert texts(draft, body) == []  # an ordinary title opens nothing


def test_items_under_a_header_that_is_no_demand(draft):
    body = ("第六条 下列证明不再要求申请人提供：\n\n（一）渔船停泊证明；\n\n（二）渔民收入证明。\n\n"
            "第七条 县级农业农村部门应当将下列材料转交市级部门：\n\n（一）渔船检验证明；\n\n（二）审核意见。")
    assert texts(draft, body) == []


def test_an_item_with_its_own_verb(draft):
    body = ("第四条 申请人按照不同情形提交材料：\n\n（一）在外省借读的，提交借读学校出具的在读证明；\n\n"
            "（二）随迁子女应当提供父母的居住证明。")
    assert texts(draft, body) == ["借读学校出具的在读证明", "父母的居住证明"]


# --- 4. identity or residence letters from a village committee, a unit or an employer -------------

def test_identity_letter_from_a_committee_is_a_certification(draft):
    assert texts(draft, "第五条 无身份证件的渔民，可以提交村民委员会出具的身份证明。") == ["村民委员会出具的身份证明"]
    assert texts(draft, "第五条 务工人员应当提交用工单位出具的居住证明。") == ["用工单位出具的居住证明"]


def test_identity_letter_named_as_an_example(draft):
    body = ("第四条 申请免除渔船检验费的，应当提交下列材料：\n\n"
            "（一）免除对象的有效身份证明（如身份证或村民委员会出具的身份证明）；\n\n（二）渔船检验证明。")
    assert texts(draft, body) == ["村民委员会出具的身份证明", "渔船检验证明"]


@pytest.mark.parametrize("body", [
    "第五条 申请人应当提交本人的身份证明和渔船登记证书。",
    "第五条 办理时须出示有效身份证明。",
])
def test_identity_documents_are_not(draft, body):
    assert texts(draft, body) == []


# --- 5. what the office inspects: the person must hold it -----------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("第八条 动物卫生监督机构应当查验运输动物的检疫证明。", ["运输动物的检疫证明"]),
    ("第八条 凭兽医出具的免疫证明办理犬只登记。", ["兽医出具的免疫证明"]),
    ("第八条 收购木材的企业应当查验出售单位开具的证明。", ["出售单位开具的证明"]),
])
def test_what_the_office_inspects(draft, body, expected):
    assert texts(draft, body) == expected


@pytest.mark.parametrize("body, expected", [
    ("第八条 导游人员持有效的健康证明上岗。", ["有效的健康证明"]),
    ("第八条 调运的苗木应当附有植物检疫证明。", ["植物检疫证明"]),
    ("第八条 渔船应当在船上备有船员适任证明。", ["船员适任证明"]),
])
def test_what_must_be_held(draft, body, expected):
    assert texts(draft, body) == expected


@pytest.mark.parametrize("body", [
    "第八条 渔政机构应当对申请人提交的证明材料进行审查。",
    "第八条 学校应当核查转入学生提交的证明。",
])
def test_what_the_office_reviews_after_the_demand_is_no_new_demand(draft, body):
    assert texts(draft, body) == []


# --- 6. issuer first, with no noun of its own --------------------------------------------------------

def test_issuer_first_demands(draft):
    ds = demands(draft, "第九条 （二）在校就读的，由所在学校出具证明；（三）务工的，由用工单位出具证明。")
    assert [(d.text, d.issuer) for d in ds] == [("所在学校出具证明", "所在学校"), ("用工单位出具证明", "用工单位")]


def test_proof_by_a_named_body(draft):
    ds = demands(draft, "第九条 无法提供捕捞日志的，经所在渔业村委会证明，可以申请补助；其他情形经有关部门证明，一并办理。")
    assert [(d.text, d.issuer, d.catch_all) for d in ds] == [
        ("所在渔业村委会证明", "所在渔业村委会", False), ("有关部门证明", "有关部门", True)]


def test_issuing_as_a_step_of_the_office_is_no_demand(draft):
    assert texts(draft, "第九条 对符合条件的，由乡镇畜牧站出具证明后，报县级主管部门备案。") == []


# --- what it must not report --------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    # back-references to a demand made elsewhere
    "第十条 申请人未提交前款规定的证明材料的，不予受理。",
    "第十条 上述证明材料不齐全的，一次性告知补正。",
    "第十条 申请人应当保证所提供证明材料真实有效。",
    "第十条 猎户可以委托他人代为提交证明材料。",
    # someone else's duty to issue
    "第十条 用人单位应当为离职教练员出具解除聘用关系证明。",
    "第十条 兽医站应当向畜主出具免疫证明。",
    "第十条 县级林业主管部门应当及时出具林木采伐证明。",
    # penalty clauses
    "第十条 伪造、变造渔船检验证明的，依法给予处罚。",
    "第十条 出具虚假免疫证明的，没收违法所得。",
    # exceptions and exemptions
    "第十条 申请人应当提交除户籍证明以外的材料。",
    "第十条 已在系统登记的，无需提交渔船检验证明。",
    "第十条 申请人可以书面承诺代替提交收入证明。",
    "第十条 以欺骗手段取得检疫证明的，由发证机关撤销该证明。",
    # the office's own permits and documents
    "第十条 渔业主管部门审核后向申请人核发捕捞许可证明。",
    "第十条 动物卫生监督机构对检疫合格的，签发检疫证明。",
    # titles and compounds
    "第十条 依照《关于开展证明事项清理工作的通知》执行，实行证明事项告知承诺制。",
])
def test_not_demands(draft, body):
    assert texts(draft, body) == []


def test_one_certification_written_with_its_issuer_in_brackets(draft):
    ds = demands(draft, "第十一条 申请人应当提交家庭财产证明（乡镇证明）和学籍证明。")
    assert [d.text for d in ds] == ["家庭财产证明（乡镇证明）", "学籍证明"]


def test_alternatives_in_brackets_are_not_one_name(draft):
    ds = demands(draft, "第十一条 外省学生家长须提交在本市居住满一年的证明（居住证或房产证明）。")
    assert [d.text for d in ds] == ["在本市居住满一年的证明", "房产证明"]


def test_examples_in_brackets_count_separately(draft):
    ds = demands(draft, "第十一条 申请人应当提交收入证明材料（如工资证明、养殖收益证明等）。")
    assert [d.text for d in ds] == ["收入证明材料", "工资证明", "养殖收益证明"]


def test_leading_numbers_stay_in_the_name(draft):
    assert texts(draft, "第十二条 进场人员应当出示72小时内狂犬病抗体检测合格证明。") == [
        "72小时内狂犬病抗体检测合格证明"]


# --- one entry per item, every place -------------------------------------------------------------------

def test_every_place_is_kept(draft):
    body = ("第二条 申请人应当提交渔船检验证明。\n\n第三条 变更船籍港的，还应当提交渔船检验证明。\n\n"
            "第四条 渔船检验证明过期的，应当重新提交渔船检验证明。")
    ds = demands(draft, body)
    assert [(d.text, d.count) for d in ds] == [("渔船检验证明", 3)]
    assert [loc.article for loc in ds[0].locations] == ["第二条", "第三条", "第四条"]
    assert ds[0].to_dict()["count"] == 3 and len(ds[0].to_dict()["locations"]) == 3


# --- cost grows linearly with the number of demands in one paragraph -------------------------------------

def _paragraph(n: int) -> str:
    return "申请人应当提交" + "、".join(f"第{i}号渔船的检验合格证明" for i in range(n)) + "。"


def _best_time(text: str, runs: int = 5) -> float:
    best = float("inf")
    gc.collect()
    gc.disable()  # a collection falling into one run is noise, not growth
    try:
        for _ in range(runs):
            t = time.perf_counter()
            _line_demands(text, 0)
            best = min(best, time.perf_counter() - t)
    finally:
        gc.enable()
    return best


def test_growth_is_linear():
    """Doubling the number of demands in one paragraph at most about doubles the time (relative
    to the same run; a quadratic scan would quadruple it)."""
    small, large = _paragraph(1000), _paragraph(2000)
    assert len(_line_demands(small, 0)[0]) == 1000 and len(_line_demands(large, 0)[0]) == 2000
    _best_time(small, 1)  # warm up
    ratio = min(_best_time(large) / _best_time(small) for _ in range(2))
    assert ratio < 2.6, f"doubling the input multiplied the time by {ratio:.1f}"


# --- the small gated patterns, called as the chunker calls them -------------------------------------

@pytest.mark.parametrize("prefix, verb, role", [
    ("猎户可以委托他人代为", "提交", -1),  # who may hand it over for the public
    ("申请人可以委托其代理人", "提交", -1),
    ("申请人可以委托其代理", "提交", -1),
    ("供电企业向用户", "提供", -1),  # someone gives it to the public
    ("对申请人所", "提供", -1),  # what was handed over
    ("申请人应当", "提交", 1),
    ("代理机构应当", "提交", 1),  # 代 not at the end: no proxy
])
def test_hand_over_role_of_the_public_a_proxy_or_someone_else(prefix, verb, role):
    from zzreview.analysis import cert_phrases as cp

    assert cp.demand_role(prefix, verb) == role


@pytest.mark.parametrize("before, marked", [
    ("原部队已经", True), ("采伐迹地尚未", True), ("旧船曾经", True), ("原校没有", True), ("原单位不", True),
    ("申请人应当", False), ("不予受理后", False), ("已经审核的", False),
])
def test_an_aspect_mark_right_before_a_verb(before, marked):
    from zzreview.analysis import cert_phrases as cp

    window = (max(0, len(before) - 2), len(before))  # the two characters _in_modifier looks at
    assert bool(cp._ASPECT_BEFORE.search(before, *window)) is marked
    assert bool(cp._ASPECT_BEFORE.pattern.search(before, *window)) is marked
