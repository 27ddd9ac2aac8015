# CaseDesk reads only Faker's person-name lists (app/services/demo_data.py), by module.
# The stock hook bundles every provider of every locale (about 25 MB); this one bundles the
# locales demo_data names (listed in build.spec's hidden imports) and nothing else.
hiddenimports = []
datas = []
