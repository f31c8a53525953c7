# ruff: noqa: E501 -- demo prose reads better unwrapped.
"""English texts of the standard patterns and their extra cases (see patterns.py), keyed by slug.

Crops and industries use one English word each across cases and patterns (Paddy rice, Dairy …),
so that the English listings filter and compare the way the Japanese ones do.
"""

PATTERN_NOTICE = (
    "This page is a sample for the demo. Its configuration, costs, durations and KPIs are "
    "illustrative values and say nothing about the performance of any real project or product."
)

PATTERN_INDEX = {
    "title": "Standard patterns",
    "intro": (
        "Models drawn from several advanced cases, by crop and by industry: the standard system "
        "configuration, costs, rollout steps and KPIs. Compare them, choose the one that suits "
        "your municipality and turn it straight into a draft support request."
    ),
}

EXTRA_CASES = {
    "nagaoka-lpwa-paddy-autovalve": {
        "title": "LPWA water-level sensors and automatic valves manage hillside paddy fields",
        "intro": "LPWA water-level sensors and automatic water valves in paddy fields, terraced ones included, cut the time spent on water management.",
        "tags": ["LPWA", "Water management", "Automatic water valves"],
        "crop_or_industry": "Paddy rice",
        "challenge": "In the hills the paddy fields are small and scattered, and walking round them to open and close the inlets took many hours.",
        "solution": "The agricultural cooperative (JA) and the city set up LPWA base stations together, and water-level sensors and automatic valves were installed in the fields. When the water falls below the set level, the valve lets water in.",
        "results": "Water management takes less time, and fields can now be flushed with water overnight to protect the rice in extreme heat.",
        "kpis": [
            (
                "Time spent on water management",
                "About 40% less (demo)",
                "Average of the equipped fields",
            ),
            ("Fields equipped", "About 80 (demo)", ""),
        ],
        "cost": "A little over ¥100,000 per field for the sensor and valve; base stations built by the city (demo)",
        "lessons": "Before choosing where to put a base station, check the winter snow and how to get power there.",
    },
    "moka-strawberry-greenhouse": {
        "title": "Visible climate control in strawberry greenhouses evens out yield and quality",
        "intro": "A horticulture case in which greenhouse temperature, humidity and CO2 are measured and ventilation and heating are controlled remotely.",
        "tags": ["LTE", "Climate control", "Greenhouse horticulture"],
        "crop_or_industry": "Strawberries",
        "challenge": "Every greenhouse needed its own knack, and young growers' yields could not catch up with those of experienced growers.",
        "solution": "Climate sensors and an LTE gateway were installed in each greenhouse, and ventilation, heating and CO2 enrichment are controlled from the cloud. The experienced growers' data is shared across the growing area.",
        "results": "Yields vary less across the growing area, and less heating fuel is used.",
        "kpis": [
            ("Yield per 10 ares", "About 10% higher (demo)", "Second year"),
            ("Heating fuel", "About 15% less (demo)", ""),
        ],
        "cost": "About ¥1 million per greenhouse up front; a few thousand yen a month for communication and the cloud (demo)",
        "lessons": "Agree first, in the growers' group, who may see which data; comparison and advice then follow.",
    },
    "betsukai-dairy-calving-lorawan": {
        "title": "LoRaWAN collar sensors detect when cows come into heat or start calving",
        "intro": "LoRaWAN, whose signal reaches across large farms, sends a smartphone alert when a dairy cow shows signs of heat or calving.",
        "tags": ["LoRaWAN", "IoT sensors", "Dairy farming"],
        "crop_or_industry": "Dairy",
        "challenge": "Checking on calving cows at night was a heavy burden for dairy farmers, and missed heats were lowering conception rates.",
        "solution": "The town put LoRaWAN base stations across the dairy farming area; data from activity sensors on the cows' collars is analysed, and farmers are alerted to signs of heat or calving.",
        "results": "Farmers check on the herd less often at night and miss fewer heats.",
        "kpis": [
            ("Night-time checks", "About 60% fewer (demo)", ""),
            ("Heat detection rate", "About 20% higher (demo)", ""),
        ],
        "cost": "Base stations built by the town; tens of thousands of yen per cow for the sensor (demo)",
        "lessons": "How much ground one base station covers depends greatly on the terrain, so measuring the radio coverage first is essential.",
    },
    "takayama-wildlife-ict-trap": {
        "title": "ICT traps report catches, cutting patrols and raising the number caught",
        "intro": "A wildlife damage case in which sensors on traps send an LPWA alert to the hunters' association and the city when a trap is sprung.",
        "tags": ["LPWA", "ICT traps", "Wildlife damage control"],
        "crop_or_industry": "Wildlife damage control",
        "challenge": "The city covers a large area, and its ageing hunters could no longer keep up the rounds of the traps.",
        "solution": "Each trap got a sensor that detects when it is sprung and reports its position over LPWA. The alert reaches the hunters' association and the city's department in charge at the same time.",
        "results": "Daily rounds are no longer needed, and animals can be dealt with as soon as they are caught.",
        "kpis": [
            ("Time spent on rounds", "About 70% less (demo)", ""),
            ("Animals caught", "About 1.3 times as many (demo)", "Compared with the previous year"),
        ],
        "cost": "Tens of thousands of yen per sensor; a few thousand yen a year in communication fees (demo)",
        "lessons": "Have low-battery alerts arrive the same way as catch alerts, and no trap goes unmaintained.",
    },
    "tono-wildlife-ict-trap": {
        "title": "Mountain villages share ICT traps and a map of catches",
        "intro": "Catch alerts and sightings are shared on a map so that the whole community tackles wildlife damage together.",
        "tags": ["LPWA", "ICT traps", "Wildlife damage control"],
        "crop_or_industry": "Wildlife damage control",
        "challenge": "Sightings were only passed on by word of mouth within each village, and where to set traps was left to experience.",
        "solution": "Catch alerts from ICT traps and residents' reports of sightings were brought together on one map, and the traps were repositioned.",
        "results": "Traps can now be concentrated where animals appear most often, and crop damage has fallen.",
        "kpis": [("Crop damage", "About 30% less (demo)", "Second year")],
        "cost": "A few hundred thousand yen a year for the sensors and the map service (demo)",
        "lessons": "Residents report more sightings when they can use an app they already use every day, such as LINE.",
    },
    "tsumagoi-cabbage-soil-lpwa": {
        "title": "LPWA soil moisture readings decide when highland cabbage is watered and sprayed",
        "intro": "An open-field vegetable case in which soil moisture and soil temperature sensors across large fields let data decide when work is done.",
        "tags": ["LPWA", "Soil sensors", "Open-field vegetables"],
        "crop_or_industry": "Cabbage",
        "challenge": "Summer droughts and long spells of rain made shipments swing widely, and decisions on watering and spraying relied on experience.",
        "solution": "Soil moisture and soil temperature sensors were placed at representative points in the fields, and the data, collected over LPWA, is checked against the growing area's crop calendar.",
        "results": "Watering now happens at the right time across the area, and shipments vary less from year to year.",
        "kpis": [("Variation in shipments", "About 20% smaller (demo)", "")],
        "cost": "A few million yen for 20 sensors and a base station (demo)",
        "lessons": "Choose sensor locations by soil type, and a few sensors can represent the whole growing area.",
    },
    "showa-gunma-cabbage-weather-lpwa": {
        "title": "Village and cooperative run a weather and soil network for a cabbage-growing area",
        "intro": "The village and the agricultural cooperative (JA) own the observation network together, and every grower can use its data.",
        "tags": ["LPWA", "Weather sensors", "Open-field vegetables"],
        "crop_or_industry": "Cabbage",
        "challenge": "Each grower gathered weather information on their own, so the growing area had no common basis for its decisions.",
        "solution": "Weather and soil sensors were placed at several points in the village; the data, collected over LPWA, goes to the cooperative's farming advisers and to growers' smartphones.",
        "results": "Frost and heat warnings now reach the whole growing area at once.",
        "kpis": [
            ("Observation points", "12 (demo)", ""),
            ("Growers using the data", "About 90% (demo)", ""),
        ],
        "cost": "A few million yen up front; running costs shared by the village and the cooperative (demo)",
        "lessons": "Agree in writing from the start how running costs are shared, and renewal goes smoothly.",
    },
}

PATTERNS = {
    "rice-paddy-water-lpwa": {
        "title": "Paddy water management (LPWA water-level sensors and automatic valves)",
        "intro": "A standard pattern that collects water levels and temperatures from scattered paddy fields over LPWA, cutting rounds and manual work on the inlets.",
        "applies_to": "Paddy rice",
        "problem": "With fewer farmers, each one looks after more paddy fields, and the daily rounds and opening and closing of inlets have become a heavy burden. Water also has to be managed at night to protect the rice from extreme summer heat.",
        "components": [
            (
                "Water level and temperature sensor",
                "One per field; runs on batteries for at least one growing season",
                "Water level and temperature (every 10 minutes)",
                "Farmers",
            ),
            (
                "Automatic water valve",
                "Lets water in when the level falls below the set point",
                "Open or closed",
                "Farmers",
            ),
            (
                "LPWA base station",
                "Covers the fields within a radius of several kilometres",
                "Sensor data",
                "City and cooperative",
            ),
            (
                "Water management cloud",
                "Stores the data and sends threshold alerts",
                "Alerts and history",
                "Vendor",
            ),
            (
                "Smartphone app",
                "Shows water levels; opens and closes valves remotely",
                "",
                "Farmers",
            ),
            (
                "Farming advice dashboard",
                "Shows how water is managed across the whole area",
                "",
                "Cooperative",
            ),
        ],
        "cost_note": "For 50 to 100 fields and one or two base stations (demo values)",
        "steps": [
            (
                "Radio survey and choice of fields",
                "Measure the signal from candidate base station sites and choose the trial fields",
            ),
            (
                "Trial (about 10 fields)",
                "Test the benefits and the operation over one growing season of water management",
            ),
            (
                "Evaluation and agreement on costs",
                "Check the KPIs and agree how the city, the cooperative and farmers share the costs",
            ),
            ("Full rollout", "Extend to more fields with the help of subsidies"),
        ],
        "kpis": [
            ("Field rounds", "About 50% fewer", "Average in the first year"),
            ("Time spent on water management", "About 40% less", ""),
        ],
        "risks": "Snow or lightning can put a base station out of action. If batteries are changed at different times, maintenance takes more effort.",
        "lessons": "Change batteries together in the off-season. The pattern spreads more easily when the city and the cooperative pay for the base stations and farmers pay for their sensors.",
        "startups": {"agrisense": "Installing and maintaining the water-level sensors"},
    },
    "greenhouse-environment-control": {
        "title": "Greenhouse climate control (strawberries and tomatoes)",
        "intro": "A standard pattern that measures temperature, humidity and CO2 in the greenhouse and controls ventilation and heating, for steadier yields and quality.",
        "applies_to": "Strawberries, tomatoes",
        "problem": "Every greenhouse needs its own knack, and young growers' yields do not improve. With heating fuel prices soaring, unnecessary heating has to be cut.",
        "components": [
            (
                "Climate sensors",
                "Measure temperature, humidity, CO2 and sunlight",
                "Climate data (every minute)",
                "Growers",
            ),
            (
                "Ventilation and heating control panel",
                "Moves the roof vents and curtains and runs the heater",
                "Operating status",
                "Growers",
            ),
            (
                "LTE gateway",
                "One per greenhouse; connects the sensors over Wi-Fi",
                "Climate and control data",
                "Vendor",
            ),
            (
                "Climate control cloud",
                "Sets the control rules and shares experienced growers' data",
                "Control commands and charts",
                "Vendor",
            ),
            ("Grower app", "Check conditions and change settings", "", "Growers"),
            (
                "Growing area comparison view",
                "For comparison in the growers' group and farming advice",
                "",
                "Cooperative and extension centre",
            ),
        ],
        "cost_note": "Per greenhouse of about 10 ares (demo values)",
        "steps": [
            ("Rules for sharing data in the growers' group", ""),
            ("Early adopters (about 5 greenhouses)", "Collect data over one crop"),
            ("Evaluation and review of the control rules", ""),
            ("Rollout across the growing area", ""),
        ],
        "kpis": [
            ("Yield per 10 ares", "About 10% higher", "Second year"),
            ("Heating fuel", "About 15% less", ""),
        ],
        "risks": "The control panel needs a safe default so that control does not stop when the connection drops.",
        "lessons": "Agree in the growers' group how far experienced growers' data is shown; comparison and advice then follow.",
        "startups": {"agrisense": "Climate sensors and data platform"},
    },
    "livestock-estrus-calving-detection": {
        "title": "Heat and calving detection for livestock (LoRaWAN collar sensors)",
        "intro": "A standard pattern that measures cattle activity with collar sensors and gives notice of signs of heat and calving.",
        "applies_to": "Dairy, beef cattle",
        "problem": "Night-time checks on calving cows are a heavy burden, and missed heats lower conception rates and income.",
        "components": [
            (
                "Collar activity sensor",
                "Measures rumination, steps and posture",
                "Activity (every 15 minutes)",
                "Livestock farmers",
            ),
            (
                "LoRaWAN base station",
                "Covers the whole livestock farming area",
                "Sensor data",
                "Town",
            ),
            (
                "Herd management cloud",
                "Analyses signs of heat and calving",
                "Alerts and herd data",
                "Vendor",
            ),
            (
                "Smartphone alerts",
                "Tell farmers and vets about the signs",
                "",
                "Livestock farmers and vets",
            ),
        ],
        "cost_note": "For three to five farms of about 100 head and one base station (demo values)",
        "steps": [
            ("Radio measurement and base station installation", ""),
            ("Trial (one or two farms)", "Run it through a calving season"),
            ("Evaluation", ""),
            ("Rollout across the area", ""),
        ],
        "kpis": [
            ("Night-time checks", "About 60% fewer", ""),
            ("Heat detection rate", "About 20% higher", ""),
        ],
        "risks": "Some barns may be out of reach of the signal because of the terrain. Someone has to be told when a sensor falls off or fails.",
        "lessons": "Farmers decide more easily when the town pays for the base station and farmers pay for their sensors.",
        "startups": {
            "agrisense": "Data platform and alerts for the collar sensors",
            "local5g-works": "Designing and building the LoRaWAN gateways",
        },
    },
    "local5g-autonomous-farm-machinery": {
        "title": "Remote monitoring of autonomous farm machinery over local 5G",
        "intro": "A standard pattern that monitors autonomous tractors remotely with video sent over local 5G, so that several can run at once.",
        "applies_to": "Paddy rice, field crops",
        "problem": "Large farms do not have enough people, and need a safe way for one person to run several machines.",
        "components": [
            (
                "Autonomous tractor",
                "Drives itself with RTK-GNSS",
                "Position and operating status",
                "Farming corporation",
            ),
            (
                "Monitoring camera",
                "Films the machine and its surroundings",
                "High-definition video",
                "Farming corporation",
            ),
            (
                "Local 5G base station",
                "Installed near the fields; sends video with low latency",
                "Video and control data",
                "City and telecoms operator",
            ),
            (
                "Remote monitoring system",
                "Monitors several machines and stops them in an emergency",
                "Monitoring screens",
                "Vendor",
            ),
            (
                "Monitoring desk at the farming centre",
                "Remote monitoring and work planning",
                "",
                "Cooperative and farming corporation",
            ),
        ],
        "cost_note": "For two or three base stations and two machines (demo values)",
        "steps": [
            ("Radio licence application and design", ""),
            ("Building the base stations", ""),
            ("Trial (one growing season)", ""),
            ("Evaluation and decision on who runs it", ""),
        ],
        "kpis": [
            ("Working hours", "About 30% fewer", "Ploughing and puddling"),
            ("Machines run at once", "2", ""),
        ],
        "risks": "The initial cost is high, and paying the running costs once the subsidy ends is often a problem.",
        "lessons": "Sharing the base stations with other uses, such as disaster prevention or tourism, spreads the running costs.",
        "startups": {"agrisense": "Sensors and data platform"},
    },
    "wildlife-damage-ict-trap": {
        "title": "ICT traps against wildlife damage (catch alerts)",
        "intro": "A standard pattern that reports over LPWA when a trap is sprung, cutting rounds and increasing catches.",
        "applies_to": "Wildlife damage control",
        "problem": "As hunters' association members age, they can no longer keep up the rounds of the traps, and too few animals are caught.",
        "components": [
            (
                "Trap sensor",
                "Detects when the trap is sprung, and where it is",
                "Catch alert and position",
                "Hunters' association",
            ),
            ("LPWA", "Covers a wide mountainous area", "Alert data", "City"),
            (
                "Catch management service",
                "Alerts, catch records and a map",
                "Alerts and records",
                "Vendor",
            ),
            (
                "Smartphone alerts and map",
                "Alerts the hunters' association and the city's department at the same time",
                "",
                "Hunters' association and city",
            ),
        ],
        "cost_note": "For 30 to 50 traps (demo values)",
        "steps": [
            ("Checking the signal", ""),
            ("Trial (10 traps)", ""),
            ("Evaluation", ""),
            ("Rollout across the whole area", ""),
        ],
        "kpis": [
            ("Time spent on rounds", "About 70% less", ""),
            ("Animals caught", "About 1.3 times as many", "Compared with the previous year"),
        ],
        "risks": "If a flat battery or a fault goes unnoticed, the trap is left unattended.",
        "lessons": "Putting residents' sightings on the same map helps decide where to move the traps.",
        "startups": {
            "agrisense": "Trap sensor network (LPWA) and capture alerts",
            "nouson-drone": "Drone wildlife surveys and the capture map",
        },
    },
    "telework-municipal-cooperation": {
        "title": "Telework jobs created by municipalities working together",
        "intro": "A standard pattern for an employment model in which several municipalities carve out work and local people take it on through telework.",
        "applies_to": "Data entry, clerical work",
        "problem": "Residents with little time because of childcare or caring for family have few places to work locally, while municipalities are short of hands for clerical work in busy periods.",
        "components": [
            (
                "Workers' PCs and video meetings",
                "Work from home or at a satellite office",
                "Work data",
                "Workers",
            ),
            (
                "Fibre and VPN",
                "Connect the satellite office and homes",
                "Encrypted traffic",
                "Centre operator",
            ),
            (
                "Work management and attendance cloud",
                "Assigns the contracted work and checks its quality",
                "Progress and results",
                "Centre operator",
            ),
            (
                "Municipal ordering desk",
                "Carves out the work and accepts it on delivery",
                "",
                "Partner municipalities",
            ),
        ],
        "cost_note": "For one centre and 100 to 300 registered workers; running costs shared among the partner municipalities (demo values)",
        "steps": [
            ("Partnership agreement and inventory of tasks", ""),
            ("Setting up the centre and recruiting workers", ""),
            ("Trial contracts (routine tasks)", ""),
            ("Taking on more kinds of work", ""),
        ],
        "kpis": [
            ("Registered workers", "Several hundred", ""),
            ("Partner municipalities", "Two or more", ""),
        ],
        "risks": "Work that involves personal information can only be done at a centre that meets the security requirements.",
        "lessons": "Starting with routine data entry keeps the quality of the work stable.",
        "startups": {"telework-furusato": "Running the satellite office and matching work"},
    },
}
