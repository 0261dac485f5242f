"""Where each table's numbers come from: one record per raw source folder.

Each record's licences are the terms its folder's SOURCE.md states, as Data Package licences:
an Open Definition id and the licence's text where the terms are a standard licence, otherwise
the publisher's page, with a title that says what the terms are (or that none were stated).
"""
from .core import Licence, Source


# Standard licences: Open Definition id and the licence text; the title says what they cover.
def _gpl3(what: str) -> Licence:
    return Licence(what, name="GPL-3.0", path="https://www.gnu.org/licenses/gpl-3.0.html")


def _gpl2(what: str) -> Licence:
    return Licence(what, name="GPL-2.0", path="https://www.gnu.org/licenses/old-licenses/gpl-2.0.html")


def _cc_by(what: str) -> Licence:
    return Licence(what, name="CC-BY-4.0", path="https://creativecommons.org/licenses/by/4.0/")


def _pddl(what: str) -> Licence:
    return Licence(what, name="ODC-PDDL-1.0", path="https://opendatacommons.org/licenses/pddl/1-0/")


# Works of the U.S. federal government have no copyright in the U.S. (17 U.S.C. 105).
US_GOVERNMENT_WORK = "U.S. government work, public domain in the U.S. (17 U.S.C. 105)"


def _us_government(what: str = US_GOVERNMENT_WORK) -> Licence:
    return Licence(what, path="https://www.copyright.gov/title17/92chap1.html#105")


SOURCES = {
    "countrycode": Source(
        folder="country_codes_cow_iso",
        title="countrycode code table and COW State System Membership v2016",
        publisher="Arel-Bundock, Enevoldsen & Yetman (countrycode); Correlates of War Project",
        url="https://github.com/vincentarelbundock/countrycode",
        licences=(
            _gpl3("GPL-3 (countrycode code table)"),
            Licence("COW State System Membership v2016: terms not stated in the source; cite the "
                    "Correlates of War Project",
                    path="https://correlatesofwar.org/data-sets/state-system-membership/"),
        ),
        citation=("Arel-Bundock, V., Enevoldsen, N. and Yetman, C. J. (2018). countrycode: An R "
                  "package to convert country names and country codes. Journal of Open Source "
                  "Software 3(28): 848. Correlates of War Project (2017). State System Membership "
                  "List, v2016."),
        short="countrycode",
    ),
    "country_metadata": Source(
        folder="country_metadata",
        title="Country codes and group memberships (Datahub country-codes; country_converter)",
        publisher="Datahub core datasets; K. Stadler (country_converter)",
        url="https://datahub.io/core/country-codes",
        licences=(
            _pddl("ODC PDDL 1.0 (Datahub country-codes)"),
            _gpl3("GPL-3 (country_converter classification table)"),
        ),
        citation=("Datahub, core/country-codes. Stadler, K. (2017). The country converter coco. "
                  "Journal of Open Source Software 2(16): 332."),
        short="Datahub country-codes; country_converter",
    ),
    "unvotes": Source(
        folder="unga_votes_voeten",
        title="United Nations General Assembly Voting Data (roll calls 1946-2019)",
        publisher="Erik Voeten, Georgetown University (via the R package unvotes)",
        url="https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379",
        licences=(
            Licence("CC0 1.0 (public domain dedication, per the Dataverse terms)", name="CC0-1.0",
                    path="https://creativecommons.org/publicdomain/zero/1.0/"),
        ),
        citation=("Voeten, E. (2013). Data and Analyses of Voting in the UN General Assembly. "
                  "In B. Reinalda (ed.), Routledge Handbook of International Organization. "
                  "Bailey, M. A., Strezhnev, A. and Voeten, E. (2017). Estimating Dynamic State "
                  "Preferences from United Nations Voting Data. Journal of Conflict Resolution "
                  "61(2): 430-456."),
        short="Voeten (UN votes)",
    ),
    "idealpoints": Source(
        folder="unga_ideal_points",
        title="UN General Assembly ideal points 1946-2024 (version of 28 July 2025)",
        publisher="Erik Voeten, Georgetown University",
        url="https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379",
        licences=(
            Licence("Terms of this release not stated (earlier releases of the dataset: CC0 "
                    "1.0); used with citation",
                    path="https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379"),
        ),
        citation=("Bailey, M. A., Strezhnev, A. and Voeten, E. (2017). Estimating Dynamic State "
                  "Preferences from United Nations Voting Data. Journal of Conflict Resolution "
                  "61(2): 430-456."),
        short="Voeten (UN ideal points)",
    ),
    "statedept": Source(
        folder="us_state_dept_un_voting_coincidence",
        title="Voting Practices in the United Nations: voting coincidence with the US, 2013-2024",
        publisher="U.S. Department of State (transcribed by Mark Schaver)",
        url="https://www.state.gov/voting-practices-in-the-united-nations/",
        licences=(_us_government(),),
        citation="U.S. Department of State, Voting Practices in the United Nations (annual reports).",
        short="US State Department",
    ),
    "atop": Source(
        folder="atop_alliances",
        title="Alliance Treaty Obligations and Provisions (ATOP) v5.1, directed dyad-years",
        publisher="Brett Ashley Leeds et al., Rice University (via the R package peacesciencer)",
        url="http://www.atopdata.org/",
        licences=(
            Licence("ATOP: terms of use not stated in the source; the project asks for the citation",
                    path="http://www.atopdata.org/"),
            _gpl2("GPL-2 (peacesciencer, the R package this copy comes from)"),
        ),
        citation=("Leeds, B. A., Ritter, J. M., Mitchell, S. M. and Long, A. G. (2002). Alliance "
                  "Treaty Obligations and Provisions, 1815-1944. International Interactions 28: "
                  "237-260."),
        short="ATOP",
    ),
    "troops": Source(
        folder="us_troops_abroad",
        title="US military personnel abroad by host country, 1950-2025 (troopdata)",
        publisher="Allen, Flynn & Martinez Machain, from Defense Manpower Data Center reports",
        url="https://github.com/meflynn/troopdata",
        licences=(
            _gpl3("GPL (>= 3) (troopdata package)"),
            _us_government("DMDC reports: U.S. government works, public domain in the U.S. "
                           "(17 U.S.C. 105)"),
        ),
        citation=("Allen, M. A., Flynn, M. E. and Martinez Machain, C. (2022). Global U.S. "
                  "military deployment data: 1950-2020. Conflict Management and Peace Science "
                  "39(3): 351-370. Kane, T. (2005). Global U.S. troop deployment, 1950-2003. "
                  "Heritage Foundation."),
        short="troopdata (DMDC)",
    ),
    "sipri": Source(
        folder="sipri_us_arms_exports",
        title="SIPRI Arms Transfers Database: US exports of major arms by recipient, 1950-2020",
        publisher="Stockholm International Peace Research Institute (SIPRI)",
        url="https://www.sipri.org/databases/armstransfers",
        licences=(
            Licence("Free to use under SIPRI's terms and conditions of use, with citation",
                    path="https://www.sipri.org/databases/armstransfers"),
        ),
        citation=("SIPRI Arms Transfers Database, Stockholm International Peace Research "
                  "Institute (extract as used in J. Alley, arms-elections replication files, 2022)."),
        short="SIPRI",
    ),
    "mme": Source(
        folder="military_exercises_mme",
        title="Multinational Military Exercises (MME) v7, 1980-2010",
        publisher="Vito D'Orazio and Kevin Galambos, Harvard Dataverse",
        url="https://doi.org/10.7910/DVN/KHFODX",
        licences=(
            Licence("Harvard Dataverse dataset: terms not stated in the source; used with citation",
                    path="https://doi.org/10.7910/DVN/KHFODX"),
        ),
        citation=("D'Orazio, V. and Galambos, K. (2021). Multinational Military Exercises, "
                  "1980-2010. Harvard Dataverse, V1. https://doi.org/10.7910/DVN/KHFODX"),
        short="MME",
    ),
    "bases": Source(
        folder="us_military_bases_vine",
        title="US military bases and sites abroad (Vine, updated to 2018)",
        publisher="David Vine; Allen, Flynn & Martinez Machain (troopdata)",
        url="https://github.com/meflynn/troopdata",
        licences=(_gpl3("GPL (>= 3) (troopdata package)"),),
        citation=("Vine, D. (2015). Base Nation. Metropolitan Books. Allen, M. A., Flynn, M. E. "
                  "and Martinez Machain, C. (2022). Conflict Management and Peace Science 39(3): "
                  "351-370."),
        short="Vine (troopdata)",
    ),
    "cow_dipl": Source(
        folder="cow_diplomatic_exchange_v2006",
        title="Correlates of War Diplomatic Exchange v2006.1",
        publisher="Correlates of War Project (Resat Bayer)",
        url="http://correlatesofwar.org",
        licences=(
            Licence("Correlates of War: terms not stated in the codebook; cite Bayer (2006) as it "
                    "asks", path="http://correlatesofwar.org"),
        ),
        citation='Bayer, R. (2006). "Diplomatic Exchange Data set, v2006.1." Correlates of War Project.',
        short="COW Diplomatic Exchange",
    ),
    "cow_igo": Source(
        folder="cow_igo_memberships",
        title="Correlates of War Intergovernmental Organizations v3.0 (dyad-year summary)",
        publisher="Correlates of War Project (via the R package peacesciencer)",
        url="https://correlatesofwar.org/",
        licences=(
            Licence("Correlates of War IGO v3.0: terms not stated in the source; used with citation",
                    path="https://correlatesofwar.org/"),
            _gpl2("GPL-2 (peacesciencer, the R package this copy comes from)"),
        ),
        citation=("Pevehouse, J. C. W., Nordstrom, T., McManus, R. W. and Jamison, A. S. (2020). "
                  "Tracking Organizations in the World: The Correlates of War IGO Version 3.0 "
                  "datasets. Journal of Peace Research 57(3): 492-503."),
        short="COW IGO",
    ),
    "census": Source(
        folder="us_census_trade_by_country",
        title="U.S. Trade in Goods by Country, 1985-2022",
        publisher="U.S. Census Bureau, Foreign Trade Division",
        url="https://www.census.gov/foreign-trade/balance/country.xlsx",
        licences=(_us_government(),),
        citation="U.S. Census Bureau, Foreign Trade Division, U.S. Trade in Goods by Country.",
        short="US Census Bureau",
    ),
    "tradhist": Source(
        folder="tradhist_us_bilateral_trade",
        title="TRADHIST bilateral trade, 1870-2014 (extract for the United States)",
        publisher="CEPII (Fouquin & Hugot), extract by the patentcity project",
        url="https://econpapers.repec.org/paper/ciicepidt/2016-14.htm",
        licences=(
            _cc_by("CC BY 4.0 (patentcity extract)"),
            Licence("CEPII's terms for TRADHIST; cite Fouquin & Hugot (2016)",
                    path="https://econpapers.repec.org/paper/ciicepidt/2016-14.htm"),
        ),
        citation=("Fouquin, M. and Hugot, J. (2016). Two Centuries of Bilateral Trade and Gravity "
                  "Data: 1827-2014. CEPII Working Paper 2016-14."),
        short="CEPII TRADHIST",
    ),
    "bea_fdi_in_us": Source(
        folder="bea_fdi_in_us_position",
        title="Foreign direct investment in the United States, position by country, 2008-2019",
        publisher="U.S. Bureau of Economic Analysis (BEA)",
        url="https://www.bea.gov/international/di1fdibal",
        licences=(_us_government(),),
        citation="U.S. Bureau of Economic Analysis, Foreign Direct Investment in the United States, by country.",
        short="US BEA",
    ),
    "bea_usdia": Source(
        folder="bea_us_direct_investment_abroad_flows",
        title="U.S. direct investment abroad, financial outflows by country, 1966-2016",
        publisher="U.S. Bureau of Economic Analysis (BEA)",
        url="https://www.bea.gov/international/di1usdbal",
        licences=(_us_government(),),
        citation="U.S. Bureau of Economic Analysis, U.S. Direct Investment Abroad, by country.",
        short="US BEA",
    ),
    "iie": Source(
        folder="iie_open_doors_students",
        title="Open Doors: international students in the U.S. by place of origin, 2000/01-2022/23",
        publisher="Institute of International Education (IIE)",
        url="https://opendoorsdata.org/data/international-students/",
        licences=(
            Licence("IIE Open Doors data, public use with attribution",
                    path="https://opendoorsdata.org/data/international-students/"),
        ),
        citation=("Institute of International Education (2023). International Student Totals by "
                  "Place of Origin, 2000/01-2022/23. Open Doors Report on International "
                  "Educational Exchange."),
        short="IIE Open Doors",
    ),
    "pew": Source(
        folder="pew_global_attitudes_harmonized",
        title="Pew Global Attitudes Survey 2002-2023, harmonized respondent file",
        publisher="Pew Research Center; harmonized by Claude Grasland",
        url="https://www.pewresearch.org/global/",
        licences=(
            Licence("Pew Research Center terms, with attribution; aggregates only, respondent data not "
                    "redistributed (the harmonized file's repository states no licence)",
                    path="https://www.pewresearch.org/global/"),
        ),
        citation=("Pew Research Center, Global Attitudes Survey (2002-2023), harmonized by "
                  "C. Grasland, github.com/worldregio/pew_opi."),
        short="Pew Research Center",
    ),
    "pew538": Source(
        folder="pew_us_favorability_538",
        title="Favorable view of the U.S. by country, 2000-2017 (Pew, compiled by FiveThirtyEight)",
        publisher="Pew Research Center; FiveThirtyEight",
        url="https://github.com/fivethirtyeight/data/tree/master/trump-world-trust",
        licences=(_cc_by("CC BY 4.0 (FiveThirtyEight)"),),
        citation=("FiveThirtyEight (2017), What The World Thinks Of Trump; Pew Research Center, "
                  "Global Attitudes Survey."),
        short="FiveThirtyEight (Pew)",
    ),
    "ncses": Source(
        folder="ncses_us_coauthorship",
        title="International co-authorship of S&E articles with the United States",
        publisher="National Science Board / NSF NCSES, Science and Engineering Indicators",
        url="https://ncses.nsf.gov/indicators",
        licences=(_us_government(),),
        citation=("National Science Board, National Science Foundation. Science and Engineering "
                  "Indicators, Publications Output: U.S. and International Comparisons, tables "
                  "5a-2 and SPBS-37 (data: Elsevier Scopus, Science-Metrix)."),
        short="NSF NCSES",
    ),
    "worldbank": Source(
        folder="worldbank_gdp_population",
        title="World Development Indicators: GDP (current US$) and population",
        publisher="World Bank (packaged by Datahub core datasets)",
        url="https://data.worldbank.org/indicator/NY.GDP.MKTP.CD",
        licences=(
            _cc_by("CC BY 4.0 (World Bank, World Development Indicators)"),
            _pddl("ODC PDDL 1.0 (Datahub packaging)"),
        ),
        citation="World Bank, World Development Indicators, NY.GDP.MKTP.CD and SP.POP.TOTL.",
        short="World Bank",
    ),
    "facts": Source(
        folder="(curated)",
        title="Curated by the collection from the public sources named in each row",
        publisher="Closest Partners",
        url="data/README.md",
        licences=(_cc_by("CC BY 4.0 (the collection's curated tables)"),),
        citation="Closest Partners (2026), curated tables; see each row's source.",
        short="Closest Partners (curated)",
    ),
}
