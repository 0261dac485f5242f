"""The `timeline` table: a curated list of events in US partnership history, 1778 to today.

Unlike the other tables, this one is not computed from a raw data file. Each event is typed
below as one record, with a public source for its date (the Office of the Historian at
history.state.gov, the Avalon Project at Yale, NATO, national archives, treaty texts, and
official statements). Dates that the reference page shared/FACTS.md lists as easy to get
wrong are taken from there and checked in the tests.

Record fields
-------------
date       "YYYY-MM-DD" for a known day, "YYYY-MM" when only the month is certain, "YYYY"
           when only the year is certain (stored as the first day of the month or year).
in_force   "YYYY-MM-DD" when a treaty or agreement entered into force, from a certain
           source; omitted when not known.
countries  space-separated ISO 3166 alpha-3 codes of the partner countries (never the US);
           "MULTI" for broad multilateral events; "" for US statements addressed to no one.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from .core import Table, require

# The list runs up to this day; nothing later is listed.
AS_OF = "2026-11-27"

PRECISIONS = ["day", "month", "year"]
KINDS = ["treaty", "agreement", "declaration", "speech", "summit", "organisation",
         "withdrawal", "crisis", "policy"]

# Citations used by several rows
_OOH = "U.S. Department of State, Office of the Historian, Milestones"
_NATO_MEMBERS = ("NATO, Member countries (with year of accession), "
                 "https://www.nato.int/cps/en/natohq/topics_52044.htm")
_UKUSA = ("The National Archives (UK), UKUSA Agreement release 1940-1956 (published June 2010), "
          "https://www.nationalarchives.gov.uk/ukusa/")
_ANZUS_PEO = ("Parliamentary Education Office (Australia), ANZUS treaty, "
              "https://peo.gov.au/understand-our-parliament/history-of-parliament/history-milestones/"
              "australian-parliament-history-timeline/events/anzus-treaty")
_JAPAN_OCCUPATION = (f"{_OOH}, Occupation and Reconstruction of Japan, 1945-52, "
                     "https://history.state.gov/milestones/1945-1952/japan-reconstruction")
_LEAGUE = (f"{_OOH}, The League of Nations, 1920, "
           "https://history.state.gov/milestones/1914-1920/league")
_FRENCH_ALLIANCE = (f"{_OOH}, The French Alliance, French Assistance, and European Diplomacy "
                    "during the American Revolution, 1778-1782, "
                    "https://history.state.gov/milestones/1776-1783/french-alliance")
_USTR_USMCA = ("Office of the United States Trade Representative, United States-Mexico-Canada "
               "Agreement, https://ustr.gov/trade-agreements/free-trade-agreements/"
               "united-states-mexico-canada-agreement")

# NATO allies other than the US at a given moment
_NATO_1949 = "BEL CAN DNK FRA ISL ITA LUX NLD NOR PRT GBR"
_NATO_2001 = "BEL CAN CZE DNK FRA DEU GRC HUN ISL ITA LUX NLD NOR POL PRT ESP TUR GBR"
_TPP_OTHERS = "AUS BRN CAN CHL JPN MYS MEX NZL PER SGP VNM"
_QUAD = "AUS IND JPN"

EVENTS: list[dict] = [
    # ------------------------------------------------------------------ 1778-1900
    dict(date="1778-02-06", kind="treaty", countries="FRA",
         title="Treaty of Amity and Commerce with France",
         summary=("Signed in Paris the same day as the alliance, it recognised American "
                  "independence and opened trade between France and the United States."),
         source=_FRENCH_ALLIANCE),
    dict(date="1778-02-06", kind="treaty", countries="FRA",
         title="Treaty of Alliance with France",
         summary=("A defensive alliance against Britain in which neither side would make a "
                  "separate peace; the United States made no other formal alliance until after "
                  "the Second World War."),
         source=("Avalon Project, Yale Law School, Treaty of Alliance Between The United States "
                 "and France; February 6, 1778, "
                 "https://avalon.law.yale.edu/18th_century/fr1788-2.asp")),
    dict(date="1783-09-03", kind="treaty", countries="GBR",
         title="Treaty of Paris",
         summary=("Britain recognised the independence of the United States, formally ending "
                  "the War of Independence."),
         source=("U.S. National Archives, Milestone Documents, Treaty of Paris (1783), "
                 "https://www.archives.gov/milestone-documents/treaty-of-paris")),
    dict(date="1794-11-19", kind="treaty", countries="GBR",
         title="Jay Treaty with Britain",
         summary=("Settled disputes left over from the war and eased trade with Britain, but "
                  "France saw it as a betrayal of the 1778 treaties."),
         source=(f"{_OOH}, John Jay's Treaty, 1794-95, "
                 "https://history.state.gov/milestones/1784-1800/jay-treaty")),
    dict(date="1796-09-19", kind="speech", countries="",
         title="Washington's Farewell Address",
         summary=("Washington's published farewell urged the country to steer clear of "
                  "permanent alliances and of lasting attachments or hostilities towards any "
                  "nation."),
         source=("Avalon Project, Yale Law School, Washington's Farewell Address 1796, "
                 "https://avalon.law.yale.edu/18th_century/washing.asp")),
    dict(date="1798-07-07", kind="withdrawal", countries="FRA",
         title="Congress declares the French treaties void",
         summary=("During the undeclared naval Quasi-War with France, Congress declared the "
                  "1778 treaties no longer binding; the one-sided act did not settle the matter "
                  "with France, which the Convention of 1800 did."),
         source=("The Founders' Constitution (University of Chicago Press), An Act to Declare "
                 "the Treaties Heretofore Concluded with France, No Longer Obligatory on the "
                 "United States, 1 Stat. 578 (1798), "
                 "http://press-pubs.uchicago.edu/founders/print_documents/a2_2_2-3s23.html")),
    dict(date="1800-09-30", in_force="1801-12-21", kind="treaty", countries="FRA",
         title="Convention of 1800 (Treaty of Mortefontaine)",
         summary=("Ended the Quasi-War and released both countries from the 1778 treaties, "
                  "closing the only US alliance of the eighteenth and nineteenth centuries."),
         source=("Avalon Project, Yale Law School, Convention of 1800: Proclamation of "
                 "21 December 1801, https://avalon.law.yale.edu/19th_century/fr1800p.asp")),
    dict(date="1801-03-04", kind="speech", countries="",
         title="Jefferson's first inaugural address",
         summary=("Jefferson promised \"peace, commerce, and honest friendship with all nations, "
                  "entangling alliances with none\", a phrase often wrongly credited to "
                  "Washington."),
         source=("Avalon Project, Yale Law School, First Inaugural Address of Thomas Jefferson, "
                 "https://avalon.law.yale.edu/19th_century/jefinau1.asp")),
    dict(date="1814-12-24", in_force="1815-02-17", kind="treaty", countries="GBR",
         title="Treaty of Ghent",
         summary=("Ended the War of 1812 by restoring the pre-war position; the United States "
                  "and Britain have not fought each other since."),
         source=("U.S. National Archives, Milestone Documents, Treaty of Ghent (1814), "
                 "https://www.archives.gov/milestone-documents/treaty-of-ghent")),
    dict(date="1817-04", kind="agreement", countries="GBR",
         title="Rush-Bagot Agreement",
         summary=("An exchange of notes with Britain limited warships on the Great Lakes and "
                  "Lake Champlain, an early step towards the unfortified US-Canadian border."),
         source=(f"{_OOH}, Rush-Bagot Pact, 1817 and Treaty of 1818, "
                 "https://history.state.gov/milestones/1801-1829/rush-bagot")),
    dict(date="1823-12-02", kind="policy", countries="",
         title="Monroe Doctrine",
         summary=("In his annual message to Congress, Monroe declared the Americas closed to new "
                  "European colonisation and promised that the United States would stay out of "
                  "Europe's affairs."),
         source=(f"{_OOH}, Monroe Doctrine, 1823, "
                 "https://history.state.gov/milestones/1801-1829/monroe")),
    dict(date="1854-03-31", kind="treaty", countries="JPN",
         title="Treaty of Kanagawa with Japan",
         summary=("After Commodore Perry's naval expedition, Japan opened two ports to US ships, "
                  "the start of official relations between the two countries."),
         source=(f"{_OOH}, The United States and the Opening to Japan, 1853, "
                 "https://history.state.gov/milestones/1830-1860/opening-to-japan")),
    dict(date="1871-05-08", kind="treaty", countries="GBR CAN",
         title="Treaty of Washington",
         summary=("Britain and the United States sent the Alabama claims and other disputes "
                  "left by the Civil War to arbitration, with Canada's prime minister among the "
                  "British negotiators."),
         source=("Library and Archives Canada, By Executive Decree: Treaties, Territories and "
                 "Tensions, http://www.collectionscanada.gc.ca/executive-decree/023004-3030-e.html")),
    dict(date="1895-12-17", kind="crisis", countries="GBR VEN",
         title="Venezuela boundary crisis",
         summary=("Cleveland invoked the Monroe Doctrine against Britain over Venezuela's border "
                  "with British Guiana; Britain accepted arbitration, and the two powers began "
                  "the 'Great Rapprochement'."),
         source=(f"{_OOH}, Venezuela Boundary Dispute, 1895-1899, "
                 "https://history.state.gov/milestones/1866-1898/venezuela")),
    # ------------------------------------------------------------------ 1900-1945
    dict(date="1901-11-18", kind="treaty", countries="GBR",
         title="Hay-Pauncefote Treaty",
         summary=("Britain gave up its claim to a joint say in a Central American canal, "
                  "leaving the United States free to build and run one alone; a landmark of the "
                  "Great Rapprochement."),
         source=(f"{_OOH}, Building the Panama Canal, 1903-1914, "
                 "https://history.state.gov/milestones/1899-1913/panama-canal")),
    dict(date="1917-04-06", kind="policy", countries="MULTI",
         title="US enters the First World War as an 'associated power'",
         summary=("The United States declared war on Germany and fought beside Britain, France "
                  "and the other Allies (MULTI) as an 'associated power', not as a treaty ally."),
         source=(f"{_OOH}, American Entry into World War I, 1917, "
                 "https://history.state.gov/milestones/1914-1920/wwi")),
    dict(date="1919-06-28", kind="treaty", countries="MULTI",
         title="Treaty of Versailles signed",
         summary=("The Allied and Associated Powers (MULTI) signed the peace with Germany, "
                  "which included the Covenant of the League of Nations that Wilson had "
                  "championed."),
         source=_LEAGUE),
    dict(date="1919-11-19", kind="withdrawal", countries="MULTI",
         title="Senate rejects the Treaty of Versailles",
         summary=("The Senate refused its consent both with and without Lodge's reservations, "
                  "chiefly over the League's collective-security pledge (MULTI: the League's "
                  "members)."),
         source=_LEAGUE),
    dict(date="1920-03-19", kind="withdrawal", countries="MULTI",
         title="Senate's final rejection of the Treaty of Versailles",
         summary=("A second vote fell short of two-thirds, so the United States never joined "
                  "the League of Nations (MULTI: the League's members)."),
         source=_LEAGUE),
    dict(date="1921-12-13", kind="treaty", countries="GBR FRA JPN",
         title="Four-Power Treaty",
         summary=("At the Washington Naval Conference the four powers agreed to respect each "
                  "other's Pacific possessions, replacing the Anglo-Japanese alliance."),
         source=(f"{_OOH}, The Washington Naval Conference, 1921-1922, "
                 "https://history.state.gov/milestones/1921-1936/naval-conference")),
    dict(date="1940-08-18", kind="agreement", countries="CAN",
         title="Ogdensburg Agreement with Canada",
         summary=("Roosevelt and Mackenzie King set up the Permanent Joint Board on Defence, "
                  "the start of formal US-Canadian defence cooperation; the board still meets."),
         source=("Ohio State University, eHistory, Arctic Sovereignty and the Cold War: the "
                 "Ogdensburg Agreement (text of the declaration of 18 August 1940), "
                 "http://ehistory.osu.edu/osu/mmh/arctic-sovereignty/ogdensburg.cfm")),
    dict(date="1940-09-02", kind="agreement", countries="GBR",
         title="Destroyers-for-bases agreement",
         summary=("While still neutral, the United States gave Britain fifty old destroyers in "
                  "exchange for long leases on bases in British territories in the western "
                  "Atlantic and the Caribbean."),
         source=("BBC, WW2 People's War, Fact File: Destroyers-for-bases Agreement, "
                 "https://www.bbc.co.uk/history/ww2peopleswar/timeline/factfiles/nonflash/"
                 "a1138420.shtml")),
    dict(date="1941-03-11", kind="policy", countries="MULTI",
         title="Lend-Lease Act",
         summary=("Congress let the President lend or lease war supplies to any country whose "
                  "defence he judged vital to the United States; Britain was the first and "
                  "largest recipient, and China, the Soviet Union and many others followed (MULTI)."),
         source=("U.S. National Archives, Milestone Documents, Lend-Lease Act (1941), "
                 "https://www.archives.gov/milestone-documents/lend-lease-act; "
                 f"{_OOH}, Lend-Lease and Military Aid to the Allies in the Early Years of World "
                 "War II, https://history.state.gov/milestones/1937-1945/lend-lease")),
    dict(date="1941-08-14", kind="declaration", countries="GBR",
         title="Atlantic Charter",
         summary=("After meeting at Placentia Bay, Newfoundland, on 9-12 August, Roosevelt and "
                  "Churchill released a joint statement of war and peace aims: an unsigned "
                  "declaration, not a treaty."),
         source=("Avalon Project, Yale Law School, Atlantic Charter; August 14, 1941, "
                 "https://avalon.law.yale.edu/wwii/atlantic.asp")),
    dict(date="1942-01-01", kind="declaration", countries="MULTI",
         title="Declaration by United Nations",
         summary=("Twenty-six nations at war with the Axis (MULTI) pledged to fight together "
                  "and endorsed the principles of the Atlantic Charter."),
         source=(f"{_OOH}, The Formation of the United Nations, 1945, "
                 "https://history.state.gov/milestones/1937-1945/un")),
    dict(date="1944-07-22", in_force="1945-12-27", kind="organisation", countries="MULTI",
         title="Bretton Woods agreements",
         summary=("Forty-four allied nations (MULTI) agreed to found the International Monetary "
                  "Fund and the World Bank, with exchange rates pegged to the dollar."),
         source=("Avalon Project, Yale Law School, Bretton Woods Agreements, "
                 "https://avalon.law.yale.edu/20th_century/decad047.asp")),
    dict(date="1945-06-26", in_force="1945-10-24", kind="organisation", countries="MULTI",
         title="Charter of the United Nations signed",
         summary=("Fifty nations (MULTI) signed the Charter in San Francisco, founding the "
                  "United Nations with the wartime allies as permanent members of the Security "
                  "Council."),
         source=(f"{_OOH}, The Formation of the United Nations, 1945, "
                 "https://history.state.gov/milestones/1937-1945/un")),
    # ------------------------------------------------------------------ 1946-1989
    dict(date="1946-03-05", kind="speech", countries="GBR",
         title="Churchill's 'Sinews of Peace' speech at Fulton",
         summary=("With Truman on the platform in Fulton, Missouri, Churchill called for a "
                  "'special relationship' with the United States and warned of an 'iron "
                  "curtain'; he had used the phrase in 1945, but this speech made it famous."),
         source=("America's National Churchill Museum, The Sinews of Peace ('Iron Curtain "
                 "Speech'), https://www.nationalchurchillmuseum.org/"
                 "sinews-of-peace-iron-curtain-speech.html")),
    dict(date="1946-03-05", kind="agreement", countries="GBR",
         title="UKUSA Agreement signed",
         summary=("British and US signals-intelligence agencies agreed to share intercepted "
                  "communications, the root of the later 'Five Eyes' network."),
         source=_UKUSA),
    dict(date="1947-03-12", kind="policy", countries="GRC TUR",
         title="Truman Doctrine",
         summary=("Truman asked Congress for aid to Greece and Turkey and promised to support "
                  "free peoples resisting outside pressure, the opening statement of "
                  "containment."),
         source=("U.S. National Archives, Milestone Documents, Truman Doctrine (1947), "
                 "https://www.archives.gov/milestone-documents/truman-doctrine")),
    dict(date="1947-06-05", kind="speech", countries="MULTI",
         title="Marshall's Harvard speech",
         summary=("Secretary of State Marshall offered US help for European recovery if the "
                  "European countries (MULTI) drew up a joint programme."),
         source=("U.S. National Archives, Milestone Documents, Marshall Plan (1948), "
                 "https://www.archives.gov/milestone-documents/marshall-plan")),
    dict(date="1947-09-02", in_force="1948-12-03", kind="treaty", countries="MULTI",
         title="Rio Treaty (Inter-American Treaty of Reciprocal Assistance)",
         summary=("The American republics (MULTI) agreed that an armed attack on one of them "
                  "is an attack on all, the first US collective-defence treaty after the "
                  "Second World War."),
         source=("Organization of American States, Inter-American Treaty of Reciprocal "
                 "Assistance (B-29), https://www.oas.org/juridico/english/treaties/b-29.html")),
    dict(date="1948", kind="agreement", countries="CAN",
         title="Canada joins the UKUSA arrangement",
         summary="Canada joined the British-US signals-intelligence partnership.",
         source=_UKUSA),
    dict(date="1948-04-03", kind="policy", countries="MULTI",
         title="Marshall Plan (Economic Cooperation Act)",
         summary=("Truman signed the law funding the European Recovery Program, four years of "
                  "large-scale US aid to Western European countries (MULTI)."),
         source=("U.S. National Archives, Milestone Documents, Marshall Plan (1948), "
                 "https://www.archives.gov/milestone-documents/marshall-plan; "
                 f"{_OOH}, Marshall Plan, 1948, "
                 "https://history.state.gov/milestones/1945-1952/marshall-plan")),
    dict(date="1948-06-24", kind="crisis", countries="GBR FRA",
         title="Berlin blockade begins",
         summary=("The Soviet Union cut land routes into West Berlin; the Western allies "
                  "supplied the city by air until the blockade was lifted in May 1949, a crisis that "
                  "hastened the North Atlantic Treaty."),
         source=("U.S. Department of State, NATO Chronology, 1947-1999 (archived), "
                 "https://webarchive.library.unt.edu/eot2008/20081023040410/"
                 "http://www.state.gov/www/regions/eur/nato_fs_chron.html; "
                 f"{_OOH}, The Berlin Airlift, 1948-1949, "
                 "https://history.state.gov/milestones/1945-1952/berlin-airlift")),
    dict(date="1949-04-04", in_force="1949-08-24", kind="treaty", countries=_NATO_1949,
         title="North Atlantic Treaty signed",
         summary=("Twelve founding members signed in Washington; Article 5 treats an armed "
                  "attack on one as an attack on all, and NATO became the first permanent "
                  "peacetime alliance of the United States."),
         source=("NATO, The North Atlantic Treaty, "
                 "https://www.nato.int/cps/en/natohq/official_texts_17120.htm")),
    dict(date="1951-08-30", in_force="1952-08-27", kind="treaty", countries="PHL",
         title="Mutual Defense Treaty with the Philippines",
         summary=("Each side recognised that an armed attack on either in the Pacific would "
                  "endanger the other and promised to act to meet the common danger."),
         source=("U.S. Department of State, Office of the Historian, Foreign Relations of the "
                 "United States, 1951, vol. VI, part 1, document 112 (editorial note), "
                 "https://history.state.gov/historicaldocuments/frus1951v06p1/d112")),
    dict(date="1951-09-01", in_force="1952-04-29", kind="treaty", countries="AUS NZL",
         title="ANZUS Treaty signed",
         summary=("Australia, New Zealand and the United States signed a security treaty in "
                  "San Francisco, each pledging to act against an armed attack on the others in "
                  "the Pacific."),
         source=_ANZUS_PEO),
    dict(date="1951-09-08", in_force="1952-04-28", kind="treaty", countries="JPN",
         title="Treaty of Peace with Japan (San Francisco)",
         summary=("Forty-eight nations signed the peace treaty that ended the occupation and "
                  "restored Japan's sovereignty when it came into force."),
         source=_JAPAN_OCCUPATION),
    dict(date="1951-09-08", in_force="1952-04-28", kind="treaty", countries="JPN",
         title="US-Japan Security Treaty",
         summary=("Signed on the same day as the peace treaty, not in 1952, it let US forces "
                  "stay in Japan after the occupation and took effect together with the peace "
                  "treaty."),
         source=_JAPAN_OCCUPATION),
    dict(date="1952-02-18", kind="organisation", countries="GRC TUR",
         title="Greece and Turkey join NATO",
         summary="NATO's first enlargement brought in Greece and Turkey.",
         source=_NATO_MEMBERS),
    dict(date="1953-10-01", in_force="1954-11-17", kind="treaty", countries="KOR",
         title="Mutual Defense Treaty with South Korea",
         summary=("Signed two months after the Korean War armistice, it commits both countries "
                  "to act against an armed attack and lets US forces be stationed in South "
                  "Korea."),
         source=("The American Presidency Project, Eisenhower, Special Message to the Senate "
                 "Transmitting the Mutual Defense Treaty Between the United States and the "
                 "Republic of Korea (with note on entry into force), "
                 "https://www.presidency.ucsb.edu/node/233609")),
    dict(date="1954-09-08", in_force="1955-02-19", kind="treaty",
         countries="AUS FRA NZL PAK PHL THA GBR",
         title="Southeast Asia Collective Defense Treaty (SEATO)",
         summary=("Eight countries signed the Manila Pact against communist expansion in "
                  "Southeast Asia; the organisation it created was dissolved in 1977."),
         source=(f"{_OOH}, Southeast Asia Treaty Organization (SEATO), 1954, "
                 "https://history.state.gov/milestones/1953-1960/seato")),
    dict(date="1955-05-06", kind="organisation", countries="DEU",
         title="West Germany joins NATO",
         summary=("The Federal Republic of Germany deposited its instrument of accession and "
                  "became NATO's fifteenth member."),
         source=_NATO_MEMBERS),
    dict(date="1956", kind="agreement", countries="AUS NZL",
         title="Australia and New Zealand join the UKUSA arrangement",
         summary=("Australia and New Zealand joined the signals-intelligence partnership, "
                  "completing the group later called the 'Five Eyes'."),
         source=_UKUSA),
    dict(date="1956-10-29", kind="crisis", countries="GBR FRA ISR",
         title="Suez crisis",
         summary=("Israel, then Britain and France, attacked Egypt after it nationalised the "
                  "Suez Canal; the United States opposed its closest allies and pressed them "
                  "into a ceasefire and withdrawal."),
         source=(f"{_OOH}, Suez Crisis, 1956, "
                 "https://history.state.gov/milestones/1953-1960/suez")),
    dict(date="1958-07-03", in_force="1958-08-04", kind="agreement", countries="GBR",
         title="US-UK Mutual Defence Agreement",
         summary=("Opened the exchange of classified nuclear-weapons information and materials "
                  "between the two countries, the most extensive nuclear partnership the United "
                  "States has."),
         source=("CVCE, University of Luxembourg, US-UK mutual defence agreement (Washington, "
                 "3 July 1958), https://www.cvce.eu/en/obj/"
                 "us_uk_mutual_defence_agreement_washington_3_july_1958-en-"
                 "a1ee4c1f-2166-48f3-a886-2711bd647111.html")),
    dict(date="1960-01-19", in_force="1960-06-23", kind="treaty", countries="JPN",
         title="Treaty of Mutual Cooperation and Security with Japan",
         summary=("Replaced the 1951 treaty with a pledge to act against an armed attack on "
                  "territory under Japanese administration; it came into force on 23 June 1960, "
                  "not on the dates of the Diet votes amid mass protests."),
         source=("Ministry of Foreign Affairs of Japan, Treaty of Mutual Cooperation and "
                 "Security between Japan and the United States of America, "
                 "https://www.mofa.go.jp/region/n-america/us/q&a/ref/1.html; "
                 "U.S. Embassy and Consulates in Japan, The U.S.-Japan Alliance - The Gold "
                 "Standard in Win-Win Defense Treaties, "
                 "https://jp.usembassy.gov/us-japan-alliance-gold-standard-60th-anniv/")),
    dict(date="1966-03", kind="withdrawal", countries="FRA",
         title="France leaves NATO's integrated military command",
         summary=("De Gaulle told Johnson that France would stay in the Alliance but leave its "
                  "integrated commands and ask allied forces to leave French soil."),
         source=("U.S. Department of State, Office of the Historian, Foreign Relations of the "
                 "United States, 1964-1968, vol. XIII, document 137, Letter From President de "
                 "Gaulle to President Johnson, "
                 "https://history.state.gov/historicaldocuments/frus1964-68v13/d137")),
    dict(date="1971-08-15", kind="policy", countries="MULTI",
         title="Nixon shock: dollar no longer convertible into gold",
         summary=("Without consulting allies, Nixon suspended the dollar's convertibility into "
                  "gold and imposed an import surcharge, ending the Bretton Woods system and "
                  "jolting Japan and Western Europe (MULTI)."),
         source=(f"{_OOH}, Nixon and the End of the Bretton Woods System, 1971-1973, "
                 "https://history.state.gov/milestones/1969-1976/nixon-shock")),
    dict(date="1972-02-21", kind="summit", countries="CHN",
         title="Nixon visits China",
         summary=("Nixon's visit, announced in July 1971 without warning Japan, opened relations "
                  "with the People's Republic and ended with the Shanghai Communique."),
         source=(f"{_OOH}, Rapprochement with China, 1972, "
                 "https://history.state.gov/milestones/1969-1976/rapprochement-china")),
    dict(date="1975-11-15", kind="summit", countries="FRA DEU ITA JPN GBR",
         title="Rambouillet summit of six industrial democracies",
         summary=("The leaders of six industrial democracies met for three days in France to "
                  "coordinate economic policy; with Canada from 1976 the meetings became the "
                  "G7."),
         source=("Federal Government of Germany, G7 Summit 2015, From Rambouillet to Brussels: "
                 "History of the G7/G8, https://www.g7germany2015.de/Content/EN/Fotoreihe/g7_en/"
                 "geschichte_g7_g8_en/2014-11-05-geschichte-g7-g8.html")),
    dict(date="1985-09-22", kind="agreement", countries="FRA DEU JPN GBR",
         title="Plaza Accord",
         summary=("G5 finance ministers and central bank governors agreed at New York's Plaza "
                  "Hotel to work together for a fall of the dollar against other major "
                  "currencies."),
         source=("G7 Information Centre, University of Toronto, Announcement of the Ministers "
                 "of Finance and Central Bank Governors (Plaza Accord), September 22, 1985, "
                 "http://www.g8.utoronto.ca/finance/fm850922.htm")),
    dict(date="1986-08-11", kind="withdrawal", countries="NZL",
         title="US suspends ANZUS obligations to New Zealand",
         summary=("Because New Zealand barred nuclear-armed and nuclear-powered ships, the United "
                  "States announced after talks with Australia in San Francisco that it was "
                  "ending its security obligations to New Zealand under ANZUS."),
         source=("Associated Press, U.S., Aussies United In Rift With New Zealand, "
                 "12 August 1986, https://www.apnews.com/acca322f673ae912792c77316c05287a")),
    dict(date="1988-01-02", in_force="1989-01-01", kind="agreement", countries="CAN",
         title="Canada-United States Free Trade Agreement",
         summary=("Reagan and Mulroney signed an agreement to remove all tariffs between the two "
                  "countries over ten years; NAFTA replaced it in 1994."),
         source=("Georgetown Law Library, Canada, Mexico & NAFTA research guide, "
                 "http://guides.ll.georgetown.edu/c.php?g=363556&p=3662927")),
    # ------------------------------------------------------------------ 1990-today
    dict(date="1990-09-12", in_force="1991-03-15", kind="treaty",
         countries="DEU DDR FRA GBR RUS",
         title="Two Plus Four Treaty on Germany",
         summary=("The two German states and the four wartime powers settled Germany's external "
                  "status as the Cold War ended, opening the way to unification on 3 October "
                  "1990 with a united Germany in NATO."),
         source=("German History in Documents and Images (German Historical Institute), "
                 "Germany Regains Full Sovereignty (September 12, 1990), "
                 "http://ghdi.ghi-dc.org/sub_image.cfm?image_id=3057")),
    dict(date="1992-12-17", in_force="1994-01-01", kind="agreement", countries="CAN MEX",
         title="North American Free Trade Agreement signed",
         summary="NAFTA extended free trade to Mexico, creating a single North American market.",
         source=("Office of the United States Trade Representative, North American Free Trade "
                 "Agreement (NAFTA), https://ustr.gov/trade-agreements/free-trade-agreements/"
                 "north-american-free-trade-agreement-nafta")),
    dict(date="1996-04-17", kind="declaration", countries="JPN",
         title="US-Japan Joint Declaration on Security",
         summary=("Clinton and Hashimoto reaffirmed the alliance for the post-Cold War era and "
                  "agreed to review the guidelines for defence cooperation."),
         source=("Ministry of Defense of Japan, Japan-U.S. Joint Declaration on Security, "
                 "https://www.mod.go.jp/en/j-us-alliance/joint-declaration/index.html")),
    dict(date="1999-03-12", kind="organisation", countries="CZE HUN POL",
         title="Czech Republic, Hungary and Poland join NATO",
         summary="The first former Warsaw Pact members joined NATO.",
         source=_NATO_MEMBERS),
    dict(date="2001-09-12", kind="declaration", countries=_NATO_2001,
         title="NATO invokes Article 5",
         summary=("The day after the 11 September attacks the allies agreed that, if directed "
                  "from abroad, they were an attack on all: the first use of Article 5, in "
                  "defence of the United States."),
         source=("NATO, Collective defence and Article 5, "
                 "https://www.nato.int/cps/en/natohq/topics_110496.htm")),
    dict(date="2001-09-14", kind="declaration", countries="AUS",
         title="ANZUS invoked for the first time",
         summary=("Australia invoked the ANZUS Treaty in response to the 11 September attacks, "
                  "its first formal use."),
         source=_ANZUS_PEO),
    dict(date="2004-03-29", kind="organisation", countries="BGR EST LVA LTU ROU SVK SVN",
         title="Seven countries join NATO",
         summary=("NATO's largest enlargement brought in seven central and eastern European "
                  "countries, among them three former Soviet republics."),
         source=_NATO_MEMBERS),
    dict(date="2007", kind="summit", countries=_QUAD,
         title="Quad first proposed",
         summary=("Japan, Australia, India and the United States first met as a four-country "
                  "dialogue, which lapsed in 2008; it is a consultation forum, not a treaty "
                  "alliance."),
         source=("Voice of America, Editorials, President Biden Hosts Quad Leaders, "
                 "https://editorials.voa.gov/amp/president-biden-hosts-quad-leaders/5835358.html")),
    dict(date="2009-03-11", kind="organisation", countries="FRA",
         title="France announces its return to NATO's integrated command",
         summary=("Sarkozy announced that France would rejoin NATO's integrated military "
                  "structure after 43 years; the return was sealed at the Strasbourg-Kehl "
                  "summit in April 2009."),
         source=("Voice of America, Sarkozy: France to Return to NATO Military Command, "
                 "11 March 2009 (via GlobalSecurity.org), https://www.globalsecurity.org/"
                 "military/library/news/2009/03/mil-090311-voa09.htm")),
    dict(date="2010-06", kind="agreement", countries="GBR",
         title="UKUSA Agreement text released",
         summary=("The UK National Archives and the US National Security Agency published the "
                  "1946 agreement and related papers for the first time."),
         source=_UKUSA),
    dict(date="2011-11-17", kind="speech", countries="AUS",
         title="Obama addresses the Australian Parliament",
         summary=("In the alliance's sixtieth year, Obama told Parliament in Canberra that the "
                  "Asia-Pacific would be a top US priority, a day after announcing US Marine "
                  "rotations through Darwin."),
         source=("Parliament of Australia, House of Representatives Hansard, 17 November 2011, "
                 "Address by the President of the United States of America, "
                 "https://www.openaustralia.org.au/debates/?id=2011-11-17.2.1")),
    dict(date="2016-02-04", kind="agreement", countries=_TPP_OTHERS,
         title="Trans-Pacific Partnership signed",
         summary=("Twelve Pacific Rim countries signed a broad trade agreement in Auckland; it "
                  "could not take effect without US ratification."),
         source=("New Zealand Herald, TPP signed at a ceremony in Auckland, 4 February 2016, "
                 "https://www.nzherald.co.nz/business/news/article.cfm?c_id=3&objectid=11584397")),
    dict(date="2017-01-23", kind="withdrawal", countries=_TPP_OTHERS,
         title="US withdraws from the Trans-Pacific Partnership",
         summary=("Trump signed a memorandum withdrawing the US signature; the other eleven "
                  "signatories went ahead with a revised agreement of their own."),
         source=("Squire Patton Boggs, President Trump Withdraws US From TPP and Prompts Action "
                 "on NAFTA Renegotiation, January 2017, https://www.squirepattonboggs.com/en/"
                 "insights/publications/2017/01/"
                 "president-trump-withdraws-us-from-tpp-and-prompts-action-on-nafta-renegotiation")),
    dict(date="2017-11-12", kind="summit", countries=_QUAD,
         title="Quad revived in Manila",
         summary=("Senior officials of the four countries met in Manila to discuss a free and "
                  "open Indo-Pacific, reviving the dialogue."),
         source=("Ministry of Foreign Affairs of Japan, Australia-India-Japan-U.S. Consultations "
                 "on the Indo-Pacific, November 12, 2017, "
                 "https://www.mofa.go.jp/press/release/press4e_001789.html")),
    dict(date="2018-11-30", in_force="2020-07-01", kind="agreement", countries="CAN MEX",
         title="United States-Mexico-Canada Agreement signed",
         summary="The three countries signed the USMCA to replace NAFTA.",
         source=_USTR_USMCA),
    dict(date="2021-03-12", kind="summit", countries=_QUAD,
         title="First Quad leaders' summit (virtual)",
         summary=("Biden hosted the first meeting of the four countries' leaders, held online, "
                  "his first multilateral summit as president."),
         source=("Voice of America, Editorials, President Biden Hosts Quad Leaders, "
                 "https://editorials.voa.gov/amp/president-biden-hosts-quad-leaders/5835358.html")),
    dict(date="2021-09-15", kind="declaration", countries="AUS GBR",
         title="AUKUS announced",
         summary=("A joint leaders' statement (Washington time) launched a trilateral security "
                  "partnership, beginning with help for Australia to acquire nuclear-powered, "
                  "not nuclear-armed, submarines."),
         source=("The White House (archived), Joint Leaders Statement on AUKUS, September 15, "
                 "2021, https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/"
                 "2021/09/15/joint-leaders-statement-on-aukus/")),
    dict(date="2021-09-24", kind="summit", countries=_QUAD,
         title="First in-person Quad leaders' summit",
         summary="The four leaders met in person for the first time, at the White House.",
         source=("The American Presidency Project, Remarks at the Quadrilateral Security "
                 "Dialogue Leaders Summit, https://www.presidency.ucsb.edu/documents/"
                 "remarks-the-quadrilateral-security-dialogue-leaders-summit-with-prime-minister"
                 "-narendra")),
    dict(date="2022-02-24", kind="crisis", countries="UKR",
         title="Russia's full-scale invasion of Ukraine",
         summary=("The United States and its allies answered with sanctions on Russia, military "
                  "aid to Ukraine and reinforcements on NATO's eastern flank."),
         source=("NATO, NATO's response to Russia's invasion of Ukraine, "
                 "https://www.nato.int/cps/en/natohq/topics_192648.htm")),
    dict(date="2023-04-04", kind="organisation", countries="FIN",
         title="Finland joins NATO",
         summary=("Finland became NATO's thirty-first member, ending decades of military "
                  "non-alignment."),
         source=("NATO, Finland joins NATO as 31st Ally, "
                 "https://www.nato.int/cps/en/natohq/news_213448.htm")),
    dict(date="2023-04-26", kind="declaration", countries="KOR",
         title="Washington Declaration with South Korea",
         summary=("Marking seventy years of the alliance, Biden and Yoon set up a Nuclear "
                  "Consultative Group for joint planning on extended deterrence."),
         source=("Office of the President of the Republic of Korea, Korea and the U.S. adopt "
                 "joint declaration, form Nuclear Consultative Group, "
                 "https://eng.president.go.kr/briefing/Sf7k2w7Q")),
    dict(date="2023-08-18", kind="summit", countries="JPN KOR",
         title="Camp David summit with Japan and South Korea",
         summary=("The first stand-alone summit of the three leaders committed them to meet "
                  "every year and to consult one another promptly on shared threats."),
         source=("The White House (archived), The Spirit of Camp David: Joint Statement of "
                 "Japan, the Republic of Korea, and the United States, August 18, 2023, "
                 "https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2023/08/"
                 "18/the-spirit-of-camp-david-joint-statement-of-japan-the-republic-of-korea-"
                 "and-the-united-states/")),
    dict(date="2024-03-07", kind="organisation", countries="SWE",
         title="Sweden joins NATO",
         summary="Sweden became NATO's thirty-second member.",
         source=("NATO, Sweden officially joins NATO, "
                 "https://www.nato.int/cps/en/natohq/news_223446.htm")),
    dict(date="2025-06-25", kind="summit", countries="MULTI",
         title="NATO Hague summit sets a 5% spending pledge",
         summary=("The allies (MULTI: all NATO members) committed to spend 5% of GDP a year on "
                  "defence and security-related needs by 2035."),
         source=("NATO, The Hague Summit Declaration, 25 June 2025, "
                 "https://www.nato.int/en/about-us/official-texts-and-resources/official-texts/"
                 "2025/06/25/the-hague-summit-declaration")),
]

COLUMNS = {
    "date": ("date of the event: signature for treaties and agreements, delivery for speeches, "
             "first day for summits (YYYY-MM-DD; the first day of the month or year when "
             "date_precision is month or year)"),
    "date_precision": ("how much of `date` is known: day, month (only year and month are "
                       "certain) or year (only the year is certain)"),
    "in_force": ("date a treaty or agreement entered into force (YYYY-MM-DD), when known from "
                 "an official or primary source; empty otherwise, which does not mean it never "
                 "came into force"),
    "year": "calendar year of `date`",
    "countries": ("ISO 3166 alpha-3 codes of the partner countries involved, separated by "
                  "spaces (the United States is never listed); MULTI for broad multilateral "
                  "events, explained in the summary; empty for US statements addressed to no "
                  "particular country"),
    "kind": ("type of event: treaty, agreement (executive, trade and intelligence agreements), "
             "declaration (joint statements and invocations), speech, summit, organisation "
             "(founding, joining or rejoining a multilateral body), withdrawal (leaving, "
             "suspending or refusing a commitment), crisis, policy (a unilateral US law or announcement)"),
    "title": "short name of the event",
    "summary": "one-sentence description of the event",
    "source": "public source for the date and facts: publisher, title and web address",
}

CAVEATS = [
    "This is a curated selection of about eighty events, not a complete list. It favours the "
    "partnerships the collection studies (Britain, France, Canada, Australia, New Zealand, "
    "Japan, South Korea and the alliances they belong to): the early French alliance and the "
    "long avoidance of alliances after it, the Anglo-American rapprochement, the wartime and "
    "Cold War alliances, trade agreements, and moments of strain. Wars, bases agreements and "
    "most trade deals are left out unless they changed a partnership.",
    "Treaties and agreements are dated by signature; entry into force is a separate column. "
    "Speeches are dated by delivery and summits by their first day. When only the month or year "
    "is certain, date holds the first day of that month or year and date_precision says so: "
    "filter on date_precision before comparing days.",
    "The UKUSA agreement is dated 5 March 1946, as in the UK National Archives release; some "
    "reports give 6 March. Canada's (1948) and Australia's and New Zealand's (1956) entry into "
    "UKUSA are given to the year only, and the 2010 release of the text to the month.",
    "The Atlantic Charter is dated 14 August 1941, the day the joint declaration was released; "
    "the meeting at Placentia Bay was on 9-12 August. It was never signed as a treaty.",
    "The Ogdensburg Agreement is dated 18 August 1940, the date of the joint statement; the "
    "talks began the evening before, and some accounts give 17 August.",
    "The Rush-Bagot Agreement was an exchange of notes rather than a single signature, so it is "
    "dated to the month (April 1817). France's 1966 exit from NATO's integrated command is "
    "dated to March 1966, when de Gaulle wrote to Johnson; French forces left the integrated commands on 1 July 1966.",
    "The US-Japan Security Treaty was signed on 8 September 1951 and took effect on 28 April "
    "1952; its 1960 successor took effect on 23 June 1960, not on the dates of the Diet votes. "
    "The Quad's 2017 revival is dated 12 November 2017, the day of the officials' meeting in "
    "Manila given by Japan's foreign ministry.",
    "countries lists the partners involved, never the United States. The Soviet Union is coded "
    "RUS, as everywhere in this collection, and East Germany DDR. MULTI marks broad "
    "multilateral events (the Allies, the League, the United Nations, the American republics, "
    "all NATO members); the summary says who is meant. The field is empty for the Farewell "
    "Address, Jefferson's inaugural and the Monroe Doctrine, which named no partner.",
    "in_force is filled only where an official or primary source gives the date; an empty value "
    "means not recorded here, not that the treaty never took effect.",
    "Summaries are one-sentence paraphrases; read the cited source for detail. The list was "
    "last reviewed on 27 November 2026; it includes only events confirmed in public sources "
    "by then, so the most recent months may be missing events.",
]


def _parse_date(text: str) -> tuple[pd.Timestamp, str]:
    """'1778-02-06' -> day, '1817-04' -> month, '1948' -> year; the date is the first day."""
    parts = text.split("-")
    require(len(parts) in (1, 2, 3) and all(p.isdigit() for p in parts),
            f"timeline: date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    precision = {3: "day", 2: "month", 1: "year"}[len(parts)]
    padded = "-".join(parts + ["01"] * (3 - len(parts)))
    return pd.Timestamp(padded), precision


@lru_cache(maxsize=1)
def _events() -> pd.DataFrame:
    rows = []
    for e in EVENTS:
        date, precision = _parse_date(e["date"])
        in_force = pd.Timestamp(e["in_force"]) if e.get("in_force") else pd.NaT
        rows.append({
            "date": date,
            "date_precision": precision,
            "in_force": in_force,
            "year": date.year,
            "countries": e["countries"] or None,
            "kind": e["kind"],
            "title": e["title"],
            "summary": e["summary"],
            "source": e["source"],
        })
    return pd.DataFrame(rows, columns=list(COLUMNS))


def build_timeline(source_dir: Path) -> pd.DataFrame:
    """One row per event; needs no raw source (the records are typed in EVENTS above)."""
    df = _events().copy()
    as_of = pd.Timestamp(AS_OF)
    require(not (df["date"] > as_of).any(),
            f"timeline: events dated after {AS_OF}: {df.loc[df['date'] > as_of, 'title'].tolist()}")
    late = df["in_force"].notna() & (df["in_force"] < df["date"])
    require(not late.any(), f"timeline: in force before signature: {df.loc[late, 'title'].tolist()}")
    require(not (df["in_force"] > as_of).any(), f"timeline: entry into force after {AS_OF}")
    for codes in df["countries"].dropna():
        for code in codes.split(" "):
            require(code == "MULTI" or (len(code) == 3 and code.isalpha() and code.isupper()
                                        and code != "USA"),
                    f"timeline: {code!r} in countries is not a partner's ISO alpha-3 code or MULTI")
    require(df["source"].str.contains("http").all(), "timeline: a row has no web address in source")
    require(df["summary"].str.len().between(20, 320).all(),
            "timeline: a summary is empty or longer than one sentence should be")
    require(set(df["kind"]) <= set(KINDS), f"timeline: unknown kind {set(df['kind']) - set(KINDS)}")
    df["date"] = df["date"].astype("datetime64[s]")
    df["in_force"] = df["in_force"].astype("datetime64[s]")
    df["year"] = df["year"].astype("int64")
    df["date_precision"] = pd.Categorical(df["date_precision"], categories=PRECISIONS, ordered=True)
    df["kind"] = pd.Categorical(df["kind"], categories=KINDS, ordered=True)
    return df


TABLES = [
    Table(
        name="timeline",
        title="Timeline of US partnerships, 1778 to today",
        description=(
            "A curated chronology of events in the history of US partnerships: treaties and "
            "alliances, agreements, joint declarations, speeches, summits, entries into and "
            "exits from alliances, and crises that tested them, from the 1778 alliance with "
            "France to the present. One row per event, with the partner countries involved, "
            "the kind of event, a one-sentence summary and a public source for each date."
        ),
        sources=["facts"],
        columns=COLUMNS,
        primary_key=["date", "title"],
        build=build_timeline,
        caveats=CAVEATS,
        ordered={"date_precision": PRECISIONS, "kind": KINDS},
    ),
]
