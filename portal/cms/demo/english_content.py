# ruff: noqa: E501 -- demo prose reads better unwrapped.
"""English texts of the demo pages in content.py, keyed by slug and shaped like their Japanese data.

Translated for readers, not word for word: the committee's terms keep one English name each
(advanced case, standard pattern, support request, co-creation channel, adopt = "roll out to other
municipalities") and British spelling, as in the portal's interface. People and companies in the
member lists are fictional, like their Japanese originals; municipality names are the real ones.
"""

from portal.cms.demo.streams import heading, paragraphs

DEMO_NOTICE = (
    "This page is a sample case for the demo. The municipality is real, but the initiative, "
    "figures and company names described here are fictional and for illustration only."
)
SUBSIDY_NOTICE = (
    "Demo listing. The programme is modelled on a real one, but its subsidy rate, upper limit and "
    "deadline are placeholder values. Before applying, always read the call for applications "
    "published by the ministry or agency in charge."
)
MEMBERS_NOTICE = "The names and affiliations in the member list are fictional, for the demo."
COMMITTEE = "Committee for Regional Innovation through ICT"
SECRETARIAT = ("Secretariat", f"Secretariat of the {COMMITTEE}")

HOME = {
    "title": "Regional DX Co-creation Portal",
    "lead": "Where municipal CDOs and CIOs work with startups to solve local challenges, then share what works with municipalities across Japan.",
    "intro": (
        # The site header shows the portal's Japanese name: the intro says which name it is.
        "<p>The Regional DX Co-creation Portal (地域DX共創ポータル) is a co-creation space for "
        f"regional and municipal DX, run by the {COMMITTEE} and the "
        "Japan CDO Community (JCC). We collect, systematise and publish advanced cases, support "
        "co-creation between municipal CDOs/CIOs and startups, and help advanced cases spread "
        "to other municipalities.</p>"
    ),
}

ABOUT = {
    "title": "About this portal",
    "intro": "A place that supports public–private collaboration towards a society in which everyone, anywhere in Japan, can live conveniently and comfortably.",
    "body": [
        heading("What the portal is for"),
        *paragraphs(
            "To create innovation through data that flows between the public and private sectors "
            "and through the use of AI and IoT, we collect advanced cases, analyse them and "
            "systematise their problems and solutions, publish what we learn, and support "
            "municipalities that want to adopt these cases.",
            "Municipal CDOs and CIOs post the challenges they need help with, startups and other "
            "companies answer with proposals, and the selected teams work on a solution together "
            "in a co-creation channel. The results are published as advanced cases so that the next "
            "municipality can adopt them.",
        ),
    ],
}

COMMUNITY = {
    "title": "Community",
    "intro": (
        "Meet the Japan CDO Community (JCC), built around CDOs and CIOs who came to local "
        f"government from the private sector, and the working groups (WG) and task forces (TF) of "
        f"the {COMMITTEE}."
    ),
    "body": [
        heading("Japan CDO Community (JCC)"),
        *paragraphs(
            "Regional and municipal DX needs every resource that industry, government and academia "
            "can offer, from inside the region and beyond. JCC works to create an environment in "
            "which people from the private sector can use their full potential: it connects CDOs "
            "and CIOs with one another and brings them together with the companies that build new "
            "local services."
        ),
        heading("How the committee is organised"),
        *paragraphs(
            "The committee has two working groups, the ICT Utilisation Working Group and the "
            "Infrastructure Platform Working Group. Concrete work on each theme is done by task "
            "forces set up within the working groups."
        ),
    ],
}

GROUPS = {
    "infra-platform-wg": {
        "title": "Infrastructure Platform Working Group",
        "short_name": "Infrastructure Platform WG",
        "intro": "Collects and analyses advanced cases of the advanced wireless technology that underpins innovation, visits them in the field and shares what it learns.",
        "activities": [
            (
                "Collecting advanced cases of advanced wireless technology",
                "Gathers cases from across Japan that use local 5G, regional BWA, LPWA and similar networks.",
            ),
            (
                "Analysing advanced cases of advanced wireless technology",
                "Systematises the problems and solutions found in the collected cases.",
            ),
            (
                "Field visits to study advanced cases",
                "Visits leading municipalities to study how their systems are built and run.",
            ),
            (
                "Sharing what we learn from advanced cases",
                "Publishes the results in reports and on this portal.",
            ),
        ],
        "members": [
            ("Makoto Aoki", "Information and Communication Research Centre, Toto University"),
            ("Mari Ishii", "Hokuriku Network Co., Ltd."),
            ("Ryo Ueda", "Chuo Tsushin Systems Co., Ltd."),
            SECRETARIAT,
        ],
        "body": [
            "This WG is responsible for “creating innovation through data that flows between the public and private sectors and through the use of AI and IoT”."
        ],
    },
    "wireless-tf": {
        "title": "Advanced Wireless Utilisation Task Force",
        "short_name": "Advanced Wireless TF",
        "intro": "Follows the advanced technologies and government policies that could transform a wireless-networked society, and works on smart agriculture.",
        "activities": [
            (
                "Following advanced wireless technology",
                "Keeps track of technology and government policy, including the reform of broadcasting regulation for the digital age.",
            ),
            (
                "Following subsidies and support programmes for advanced wireless",
                "Reports on what is changing in subsidies and other support programmes.",
            ),
            (
                "Research into seamless wireless use cases",
                "Studies notable cases that make use of a variety of networks.",
            ),
            (
                "Smart agriculture",
                "Studies leading cases (surveys of how their communications infrastructure is built, and hearings on what farmers need) and works on standard pattern models by crop and by industry.",
            ),
        ],
        "members": [
            ("Takumi Endo", "Mirai Wireless Technology Laboratory"),
            ("Aya Onishi", "Agrinet Higashi-Nihon Co., Ltd."),
            ("Daisuke Ogawa", "Nishi-Nihon Wireless Co., Ltd."),
        ],
        "body": [
            "The latest news on subsidies and support programmes is collected on the “Subsidies and support programmes” page."
        ],
    },
    "ict-wg": {
        "title": "ICT Utilisation Working Group",
        "short_name": "ICT Utilisation WG",
        "intro": "Collects good practices that solve local challenges with ICT and helps other municipalities adopt them, matches municipalities with companies, and studies how municipalities can solve problems with ICT.",
        "activities": [
            (
                "Collecting good practices and rolling them out",
                "Collects good practices that solved local challenges and helps other municipalities adopt them.",
            ),
            ("Matching service", "Connects municipalities' challenges with companies' solutions."),
            (
                "Studying how municipalities can solve problems with ICT",
                "Systematises the approaches and presents them at the ICT Utilisation Summit.",
            ),
        ],
        "members": [
            ("Osamu Kato", "Faculty of Public Policy, Kanto University of Information Sciences"),
            ("Yoko Kimura", "Chiiki Digital Research Institute Inc."),
            ("Naoki Kudo", "Municipal CDO (from the private sector)"),
            SECRETARIAT,
        ],
        "body": [
            "This WG is also responsible for “an inclusive society in which everyone can enjoy new ways of working and living” and “stronger public–private partnerships for regional and municipal DX”."
        ],
    },
    "telework-tf": {
        "title": "Task Force on Solving Social Challenges through Telework",
        "short_name": "Telework for Social Challenges TF",
        "intro": "Works towards a society in which people can work in ways that fit their lives, using telework to tackle several local policy challenges at once.",
        "activities": [
            (
                "A regional model of municipalities creating telework jobs together",
                "Builds a scheme in which several municipalities pool suitable work so that residents can take it on locally.",
            ),
            (
                "A model of an inclusive community through telework",
                "Supports people who are raising children, caring for family or living with a disability in finding work.",
            ),
            (
                "Support for local connectivity for telework and workations",
                "Considers how best to support better communications infrastructure.",
            ),
        ],
        "members": [
            ("Megumi Sasaki", "Chiiki Work Design (general incorporated association)"),
            ("Kenta Shimizu", "Shinshu Telework Council"),
        ],
        "body": [
            "As part of its work, this TF is trialling a regional model in which municipalities create telework jobs together."
        ],
    },
    "regional-dx-tf": {
        "title": "Task Force on Promoting Regional and Municipal DX",
        "short_name": "Regional and Municipal DX TF",
        "intro": "Works with JCC to bring more private-sector talent into local government, and to give the companies that build local services with CDOs and CIOs more room to work.",
        "activities": [
            (
                "How the TF and JCC work together",
                "Considers how the committee and JCC share roles and how they cooperate.",
            ),
            (
                "Support for municipal CDOs and CIOs",
                "Considers concrete ways to support CDOs and CIOs.",
            ),
            (
                "Support for DX companies, especially startups",
                "Considers how to support startups through co-creation with municipalities.",
            ),
        ],
        "members": [
            ("Naoko Takada", "Organising member, Japan CDO Community"),
            ("Yu Nakamura", "Startup Support Organisation"),
        ],
        "body": ["This portal grew out of this TF's discussions."],
    },
}

SUBSIDY_INDEX = {
    "title": "Subsidies and support programmes",
    "intro": "National and prefectural subsidies and other support programmes for regional and municipal DX, nearest deadline first.",
}

SUBSIDIES = {
    "digital-denen-kofukin": {
        "title": "Digital Garden City Nation Grant (Digital Implementation Type) (demo)",
        "intro": "A grant for local initiatives that use digital technology to solve local challenges and make the area more attractive.",
        "window": "Regional Revitalisation Promotion Office, Cabinet Office (demo)",
        "subsidy_rate": "1/2 (varies by type; demo)",
        "amount_note": "Upper limit for each type (see the call for applications)",
        "eligibility_note": "Local governments (private companies take part together with a municipality)",
        "body": [
            "Projects that roll out a proven model are also eligible. On the advanced case pages, “Subsidy used” shows the cases funded by this programme."
        ],
    },
    "smart-agri-support": {
        "title": "Smart Agriculture Technology Promotion Programme (demo)",
        "intro": "Supports the introduction and trial of smart agriculture technology and of the communications infrastructure it relies on.",
        "window": "Crop Production Bureau, Ministry of Agriculture, Forestry and Fisheries (demo)",
        "subsidy_rate": "Fixed amount, or up to 1/2 (demo)",
        "amount_note": "Upper limit for each programme menu (see the call for applications)",
        "eligibility_note": "Consortia of farmers, private companies, municipalities and others",
        "body": [
            "It has funded many projects in paddy water management, auto-steered tractors and drone spraying."
        ],
    },
    "local-5g-support": {
        "title": "Regional Digital Infrastructure Programme (Local 5G and More) (demo)",
        "intro": "Supports trials and deployments that use local 5G and other advanced wireless networks to solve local challenges.",
        "window": "Telecommunications Bureau, Ministry of Internal Affairs and Communications (demo)",
        "subsidy_rate": "1/2 (demo)",
        "amount_note": "Separate upper limits for trials and deployments (see the call for applications)",
        "eligibility_note": "Local governments, private companies, and consortia of them",
        "body": ["The Advanced Wireless Utilisation Task Force follows this programme."],
    },
    "telework-environment": {
        "title": "Telework and Workation Facilities Programme (demo)",
        "intro": "Supports connectivity for satellite offices and coworking spaces.",
        "window": "Information and Communications Bureau, Ministry of Internal Affairs and Communications (demo)",
        "subsidy_rate": "1/2 (demo)",
        "amount_note": "Upper limit for each facility (see the call for applications)",
        "eligibility_note": "",
        "body": [
            "This year's call for applications has closed. Next year's call will be announced on this portal."
        ],
    },
    "prefecture-dx-support": {
        "title": "Hands-on Support for Municipal DX (prefectural programme, demo)",
        "intro": "Sends specialists to help the prefecture's cities, towns and villages draw up their DX plans and move to the standardised systems.",
        "window": "Digital Strategy Division, prefectural government (demo)",
        "subsidy_rate": "Specialists provided (free of charge; demo)",
        "amount_note": "",
        "eligibility_note": "Cities, towns and villages in the prefecture",
        "body": ["Applications are not open yet."],
    },
}

CASE_INDEX = {
    "title": "Advanced cases",
    "intro": (
        "Advanced cases from municipalities across Japan, systematised by challenge, solution, "
        "results, cost and contract route. A municipality facing the same challenge can start a "
        "support request with “Adopt this advanced case”."
    ),
}

CASES = {
    "iwamizawa-local5g-smart-agri": {
        "title": "Local 5G and autonomous tractors lighten the work on large paddy fields",
        "intro": "Autonomous tractors guided by high-precision positioning are monitored remotely over local 5G, helping farms cope with too few successors.",
        "tags": ["Local 5G", "Autonomous farm machinery", "RTK-GNSS"],
        "crop_or_industry": "Paddy rice",
        "challenge": "As farmers aged and too few successors took over, the area each farmer had to cultivate grew year by year.\nMore work had to be done at night and early in the morning, which raised safety concerns.",
        "solution": "Local 5G base stations were installed around the fields so that RTK-GNSS-guided autonomous tractors can be monitored remotely. The video can also be watched at the agricultural cooperative's farming support centre.",
        "results": "Running several tractors at once shortened working hours and made night work safer.",
        "kpis": [
            ("Working hours", "About 30% fewer (demo)", "Ploughing and puddling"),
            ("Tractors run at once", "2 (demo)", ""),
        ],
        "cost": "Tens of millions of yen for the base stations and the machinery upgrades (demo)",
        "partners": {"agrisense": "Sensors and data platform"},
        "lessons": "Measure the radio coverage beforehand to find blind spots. Training farmers in winter helps the system take hold faster.",
        "body": ["The Infrastructure Platform WG visited this case on a field visit."],
    },
    "niigata-lpwa-paddy-water": {
        "title": "LPWA water-level sensors halve the rounds of the paddy fields",
        "intro": "Water levels and temperatures in the paddy fields are monitored remotely over LPWA, cutting the time spent walking the fields.",
        "tags": ["LPWA", "IoT sensors", "Water management"],
        "crop_or_industry": "Paddy rice",
        "challenge": "Managing the water in widely scattered fields meant spending many hours on daily rounds.",
        "solution": "Low-power LPWA communication and water-level sensors were introduced, so farmers can check water levels and temperatures on their smartphones.",
        "results": "Farmers make fewer rounds, and a record of the water management is now kept automatically.",
        "kpis": [("Rounds of the fields", "About half (demo)", "First year")],
        "cost": "Tens of thousands of yen per sensor, and a few thousand yen a year in communication fees (demo)",
        "partners": {"agrisense": "Sensor installation and maintenance"},
        "lessons": "Changing all the batteries in the off-season makes maintenance easier.",
        "body": [
            "The Advanced Wireless Utilisation TF documented this case as the model for the standard pattern for paddy rice."
        ],
    },
    "sarabetsu-field-crops-gnss": {
        "title": "Auto-steering and satellite data support farming in a small village",
        "intro": "The whole village adopted auto-steering systems and crop diagnosis from satellite images.",
        "tags": ["Auto-steering", "Satellite data", "RTK-GNSS"],
        "crop_or_industry": "Field crops (wheat, sugar beet)",
        "challenge": "On large arable farms, work that depended on experienced farmers' know-how was hard to hand on.",
        "solution": "The village built a reference station that every farmer can share, and satellite images now show where crops grow unevenly.",
        "results": "Even new farmers now work almost as precisely as experienced ones.",
        "kpis": [("Farms using auto-steering", "Many farms in the village (demo)", "")],
        "cost": "Reference station paid for by the village; receivers by each farmer (demo)",
        "lessons": "Sharing one reference station keeps the cost per farm down.",
        "body": ["Presented as a setup that small municipalities can manage too."],
    },
    "shiojiri-telework-cooperative": {
        "title": "A telework employment model built by neighbouring municipalities",
        "intro": "Several municipalities carve out suitable work, and local people take it on through telework.",
        "tags": ["Telework", "Carving out work", "BPO"],
        "challenge": "Residents with little time because of childcare or caring for family had few places to work locally.",
        "solution": "Together with a neighbouring municipality, the city carved out tasks such as data entry; a local centre takes on the work and shares it out among teleworkers.",
        "results": "Residents with limited time have more chances to work, and the municipalities' peaks of work have evened out.",
        "kpis": [
            ("Registered workers", "Several hundred (demo)", ""),
            ("Partner municipalities", "2 (demo)", ""),
        ],
        "cost": "Running costs of the centre shared among the partner municipalities (demo)",
        "lessons": "Starting with routine data entry keeps the quality of the work stable.",
        "body": [
            "The Telework for Social Challenges TF refers to this case in its work on a regional model."
        ],
    },
    "kamiyama-satellite-office": {
        "title": "Connectivity for workations draws satellite offices to a small town",
        "intro": "The town brought fibre and public Wi-Fi to every district and attracted companies to open satellite offices.",
        "tags": ["Workation", "Fibre optics", "Public Wi-Fi"],
        "challenge": "The population kept shrinking and young people were leaving the town.",
        "solution": "The town improved connectivity and turned old traditional houses into satellite offices and workation bases.",
        "results": "Companies from elsewhere keep opening offices, and more people have moved to the town.",
        "kpis": [("Satellite offices", "Opened by several companies (demo)", "")],
        "cost": "Tens of millions of yen to renovate the buildings and build the network (demo)",
        "lessons": "Connectivity alone is not enough: places to meet local residents are what make newcomers stay.",
        "body": ["A reference case for supporting connectivity for telework and workations."],
    },
    "minamisoma-local5g-drone": {
        "title": "Local 5G and drones make river and infrastructure inspections more efficient",
        "intro": "High-definition video sent over local 5G has made drone inspections of infrastructure part of everyday work.",
        "tags": ["Local 5G", "Drones", "Video transmission"],
        "crop_or_industry": "Infrastructure inspection",
        "challenge": "Inspecting bridges and river facilities took many people and much time, and some of the work was dangerous.",
        "solution": "4K video is sent in real time over local 5G, so staff can follow an inspection from the city office.",
        "results": "Less time goes on preparation and travel, and records are shared sooner.",
        "kpis": [("Days needed for an inspection", "About 40% fewer (demo)", "")],
        "cost": "Carried out as a trial project (demo)",
        "lessons": "Check in advance that the equipment can cope with rain and wind.",
        "body": ["A case from the research into seamless wireless use cases."],
    },
    "chino-bwa-watch": {
        "title": "Regional BWA watches over older residents and carries disaster alerts",
        "intro": "One private regional BWA network carries both the sensors that watch over older residents and the disaster alerts.",
        "tags": ["Regional BWA", "Watching over residents", "IoT"],
        "challenge": "In the hills and mountains the mobile signal was weak, so some districts could not use watch-over services.",
        "solution": "The city built regional BWA base stations and runs the watch-over sensors and outdoor loudspeakers on the same network.",
        "results": "The watch-over service now reaches more districts, and there are more ways to get information out in a disaster.",
        "kpis": [("Households watched over", "Several hundred (demo)", "")],
        "cost": "Construction of the base stations plus yearly running costs (demo)",
        "lessons": "When the welfare and disaster management departments budget for it jointly, the service is easier to sustain.",
        "body": ["An example of advanced wireless serving both welfare and disaster management."],
    },
    "kakogawa-river-iot": {
        "title": "IoT water-level gauges and cameras prepare the city for river floods",
        "intro": "Gauges and cameras on the city's small and medium rivers give residents the information they need to decide when to evacuate.",
        "tags": ["IoT", "Water-level sensors", "LPWA", "Open data"],
        "challenge": "The small and medium rivers had no gauges, so staff went out to check them in every heavy rain.",
        "solution": "LPWA water-level gauges and river cameras were installed, and their readings and images are published on the web.",
        "results": "Staff go out to check far less often, and residents can see the situation for themselves.",
        "kpis": [
            ("Gauge locations", "The main small and medium rivers (demo)", ""),
            ("Trips to check on site", "Sharply down (demo)", ""),
        ],
        "cost": "A few million yen for the equipment and its installation (demo)",
        "lessons": "Keep the public page simple and easy to read on a smartphone.",
        "body": ["A case that combines disaster prevention with open data."],
    },
    "hitoyoshi-evacuation-digital": {
        "title": "Digital check-in at evacuation shelters, with disaster alerts pushed to phones",
        "intro": "Evacuees check in at shelters with a QR code or their My Number Card, so the number of evacuees is known at once.",
        "tags": ["QR codes", "My Number Card", "Push notifications"],
        "challenge": "In the torrential rain disaster, adding up paper lists of evacuees took so long that relief supplies were delayed.",
        "solution": "Check-in at the shelters was digitised, and a disaster app now pushes evacuation information to residents' phones.",
        "results": "The number of evacuees is known sooner, so supplies can be shared out quickly.",
        "kpis": [("Counting evacuees", "From hours to minutes (demo)", "In drills")],
        "cost": "Yearly fee for a cloud service (demo)",
        "partners": {"mirai-gyosei-tech": "Check-in system"},
        "lessons": "Use the system in every regular disaster drill so that staff and residents know how it works.",
        "body": ["A case procured through the Digital Marketplace (DMP)."],
    },
    "maebashi-kakanai-madoguchi": {
        "title": "A “no forms to fill in” counter introduced together with online applications",
        "intro": "Residents no longer fill in forms at the counter, and they can also apply online from home.",
        "tags": ["Online applications", "No forms to fill in", "No-code"],
        "challenge": "When people moved in and out, the counters were crowded and residents had long waits.",
        "solution": "The city introduced a counter support system in which staff complete the form while talking with the resident, together with no-code online application forms.",
        "results": "Waits at the counter are shorter, and more people apply online.",
        "kpis": [
            ("Average wait at the counter", "About 40% shorter (demo)", "Busy periods"),
            ("Procedures available online", "Several hundred (demo)", ""),
        ],
        "cost": "Initial costs plus a yearly fee (demo)",
        "partners": {"mirai-gyosei-tech": "Building the online application forms"},
        "lessons": "Put the most used procedures online first and show residents the benefit; use then spreads.",
        "body": ["A case presented at the ICT Utilisation Summit."],
    },
    "miyakonojo-mynumber-online": {
        "title": "More applications online with the My Number Card",
        "intro": "Childcare and long-term care procedures moved online, with identity confirmed by the My Number Card's public certification.",
        "tags": ["My Number Card", "Online applications", "Public certification"],
        "challenge": "Many residents had to take a weekday off work to visit the city office for childcare and care procedures.",
        "solution": "The city set up online applications linked to Mynaportal, with identity checked by the My Number Card.",
        "results": "More residents complete procedures without a visit, and the counters are less crowded.",
        "kpis": [("Share of applications online", "Over half, where offered (demo)", "")],
        "cost": "Done within changes to existing systems (demo)",
        "lessons": "Telling residents how to apply online when they collect their card boosts use.",
        "body": [
            "An example of promoting the My Number Card and moving procedures online at the same time."
        ],
    },
    "kitami-one-stop-rpa": {
        "title": "A one-stop counter, with RPA taking over the back-office data entry",
        "intro": "Applications taken at the counter are entered into the core systems by RPA, so nobody has to re-key them.",
        "tags": ["RPA", "Counter support", "BPR"],
        "challenge": "Staff re-entered the details of each application taken at the counter into several core systems by hand.",
        "solution": "The city redesigned the work (BPR) so that RPA enters the data created in the counter support system into each system.",
        "results": "Data entry and input errors fell, and staff have more time to advise residents.",
        "kpis": [("Time spent on data entry", "Greatly reduced over the year (demo)", "")],
        "cost": "RPA licences and a contract to redesign the work (demo)",
        "lessons": "Spend time redesigning the workflow before bringing in the tool.",
        "body": [
            "A useful case both for putting AI and RPA to work and for moving procedures online."
        ],
    },
}

EVENT_INDEX = {
    "title": "Events",
    "intro": "The ICT Utilisation Summit, field visits to advanced cases, and seminars. Sign in to register on the spot.",
}

SUMMIT_VENUE = {
    "venue_name": "Conference centre in central Tokyo (demo)",
    "venue_address": "Chiyoda, Tokyo (demo address)",
}

EVENTS = {
    "ict-summit-2026": {
        "title": "ICT Utilisation Summit {year}",
        "intro": "Presentations of advanced cases, networking between municipal CDOs/CIOs and startups, and reports on the working groups' activities.",
        **SUMMIT_VENUE,
        "body": [
            "Part 1: Advanced case presentations (smart agriculture, telework, online administrative procedures)",
            "Part 2: Activity reports from the WGs and TFs",
            "Part 3: Networking for municipal CDOs/CIOs and startups (at the venue only)",
        ],
    },
    "field-visit-smart-agri": {
        "title": "Field visit: smart agriculture with local 5G",
        "intro": "As part of our study of advanced cases of advanced wireless technology, we visit fields where autonomous farm machinery runs over local 5G.",
        "venue_name": "Farm fields in Iwamizawa, Hokkaido (demo)",
        "venue_address": "Participants will be told where to meet",
        "body": [
            "Places are limited by the seats on the bus. If the visit is full, please join the waiting list."
        ],
    },
    "seminar-cocreation": {
        "title": "Co-creation seminar: municipal CDOs/CIOs × startups",
        "intro": "An online seminar that shows, with real examples, how to write a support request and how to work in a co-creation channel.",
        "body": ["Open to municipal staff and startups alike."],
    },
    "ict-summit-2025": {
        "title": "ICT Utilisation Summit {year}",
        "intro": "Last year's summit, with presentations of advanced cases and reports on the working groups' activities. Its report is available.",
        **SUMMIT_VENUE,
        "body": ["Thank you for taking part. The report of the day is now available."],
    },
    "field-visit-telework-2025": {
        "title": "Field visit: a telework employment centre",
        "intro": "We visited a centre where neighbouring municipalities create telework jobs together.",
        "venue_name": "Centre in Shiojiri, Nagano (demo)",
        "body": [
            "The centre's operator and staff of the partner municipalities explained how it works."
        ],
    },
}

NEWS_INDEX = {
    "title": "News",
    "intro": "News from the committee, its working groups and its task forces.",
}

NEWS = {
    "summit-2026-registration-open": {
        "title": "Registration for the ICT Utilisation Summit 2026 is open",
        "intro": "The summit takes place at the venue and online. Sign in and register on the event page.",
        "body": [
            "Once the summit is full, new registrations join the waiting list and move up automatically when a place becomes free."
        ],
    },
    "new-cases-published": {
        "title": "New advanced cases in smart agriculture and disaster prevention",
        "intro": "We have added cases on paddy water management, auto-steering for field crops, river level monitoring and more.",
        "body": [
            "Cases can be filtered by DX area, technology, municipality size, contract route and more."
        ],
    },
    "wg-report-published": {
        "title": "ICT Utilisation WG activity report published",
        "intro": "A report on analysing advanced cases and systematising their problems and solutions.",
        "body": ["The report can be downloaded from the Reports page."],
    },
    "portal-launched": {
        "title": "The Regional DX Co-creation Portal is open",
        "intro": "We have opened a portal that supports co-creation between municipal CDOs/CIOs and startups.",
        "body": ["Please send your comments to the secretariat."],
    },
}

REPORT_INDEX = {
    "title": "Reports",
    "intro": "Activity reports of the working groups and reports of the ICT Utilisation Summit.",
}

REPORTS = {
    "ict-wg-report-2025": {
        "title": "ICT Utilisation Working Group Activity Report, FY2025",
        "intro": "On collecting and analysing advanced cases and systematising their problems and solutions (demo document).",
        "body": [
            "This report is a PDF generated for the demo; the document itself is in Japanese."
        ],
    },
    "summit-2025-report": {
        "title": "ICT Utilisation Summit 2025 Report",
        "intro": "An overview of the advanced case presentations and WG activity reports at the summit (demo document).",
        "body": ["The report of the summit; the document itself is in Japanese."],
    },
}
