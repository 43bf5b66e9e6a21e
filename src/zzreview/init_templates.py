"""Templates written by `zzreview init`."""

CONFIG_TEMPLATE = '''# zzreview 配置文件。zzreview 从被审查文件所在目录向上查找最近的
# zzreview.toml、.zzreview.toml 或 pyproject.toml 的 [tool.zzreview]。
# 查看生效配置：zzreview config 路径；全部规则：zzreview rules；某条规则：zzreview explain ZZ201

# 只报告这些规则（代码、代码前缀或检查名称）；留空表示全部
# select = ["ZZ2", "missing-legal-basis"]
# 忽略这些规则
# ignore = ["ZZ203"]

# 达到哪个级别时退出码为 1：error（默认）、warning、info、never
fail-on = "error"

# 审查基准日（默认今天）
# as-of = "2027-01-01"

# 文件层级：auto（自动判断，默认）；也可指定 normative-document（行政规范性文件）、
# government-rule（地方政府规章）、departmental-rule、local-regulation、administrative-regulation、law、non-normative
level = "auto"

# 文件性质：auto（自动判断）、normative、non-normative
document-kind = "auto"

# 适用哪个省的规范性文件管理规定（有效期上限等）
# province = "山东省"

# 知识库补充表：本市规范性文件目录、最新废止信息等（列见 README）
# kb-tables = ["kb/本市规范性文件.tsv"]

# 证明事项清单：内置清单名称或文件路径
# certification-lists = ["清单/本市证明事项清单.csv"]

# 自定义声明式检查（TOML）所在目录
# plugin-paths = ["zzreview-checks"]

# 审核决定文件（默认向上查找 .zzreview/decisions.toml）
# decisions = ".zzreview/decisions.toml"

# 按规则调整级别（off 表示关闭）
# [severity]
# ZZ203 = "info"

# 按路径覆盖
# [[overrides]]
# paths = ["历史文件/**"]
# ignore = ["ZZ2"]
'''

PRE_COMMIT_SNIPPET = '''repos:
  - repo: https://example.org/zzreview.git   # 本仓库的地址
    rev: v0.1.0
    hooks:
      - id: zzreview
'''
