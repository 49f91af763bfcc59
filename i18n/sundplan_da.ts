<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK" sourcelanguage="en">
<context>
    <name>sundplan</name>
    <message>
        <location filename="../plugin.py" line="74"/>
        <source>Sundplan tools in the Processing Toolbox</source>
        <translation>Sundplan-værktøjer i Processing-værktøjskassen</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="77"/>
        <source>Show the Sundplan tools in the Processing Toolbox</source>
        <translation>Vis Sundplan-værktøjerne i Processing-værktøjskassen</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="107"/>
        <source>The Processing plugin is not enabled (Plugins ▸ Manage).</source>
        <translation>Processing-pluginet er ikke slået til (Plugins ▸ Administrer).</translation>
    </message>
    <message>
        <location filename="../processing/_catchment_outputs.py" line="29"/>
        <location filename="../processing/fca_access.py" line="226"/>
        <location filename="../processing/gp_density.py" line="156"/>
        <location filename="../processing/location_allocation.py" line="229"/>
        <location filename="../processing/need_projection.py" line="74"/>
        <location filename="../processing/specialist_gaps.py" line="198"/>
        <source>Writing outputs</source>
        <translation>Skriver resultater</translation>
    </message>
    <message>
        <location filename="../processing/_catchment_outputs.py" line="41"/>
        <source>Minutes to the nearest akutsygehus</source>
        <translation>Minutter til nærmeste akutsygehus</translation>
    </message>
    <message>
        <location filename="../processing/_catchment_outputs.py" line="49"/>
        <source>Travel time (minutes)</source>
        <translation>Rejsetid (minutter)</translation>
    </message>
    <message>
        <location filename="../processing/_catchment_outputs.py" line="67"/>
        <source>Catchments</source>
        <translation>Optageområder</translation>
    </message>
    <message>
        <location filename="../processing/_catchment_outputs.py" line="86"/>
        <location filename="../processing/catchments.py" line="87"/>
        <source>Travel-time bands</source>
        <translation>Rejsetidsintervaller</translation>
    </message>
    <message>
        <location filename="../processing/_catchment_outputs.py" line="110"/>
        <location filename="../processing/catchments.py" line="93"/>
        <source>Summary per area</source>
        <translation>Opsummering pr. område</translation>
    </message>
    <message>
        <location filename="../processing/_catchment_outputs.py" line="130"/>
        <source>Change in minutes (scenario − baseline)</source>
        <translation>Ændring i minutter (scenarie − udgangssituation)</translation>
    </message>
    <message>
        <location filename="../processing/_catchment_outputs.py" line="134"/>
        <source>Change in travel time</source>
        <translation>Ændring i rejsetid</translation>
    </message>
    <message>
        <location filename="../processing/_hygiene.py" line="41"/>
        <location filename="../processing/_inputs.py" line="169"/>
        <source>The expression in {parameter} cannot be read: {error} (expression: {expression}). Write field names in double quotes (&quot;active&quot;) and texts in single quotes (&apos;yes&apos;).</source>
        <translation>Udtrykket i {parameter} kan ikke læses: {error} (udtryk: {expression}). Skriv feltnavne i dobbelte anførselstegn (&quot;active&quot;) og tekster i enkelte (&apos;yes&apos;).</translation>
    </message>
    <message>
        <location filename="../processing/_hygiene.py" line="71"/>
        <source>The parameter &apos;{description}&apos; ({name}) is {value}; give a finite number.</source>
        <translation>Parameteren &apos;{description}&apos; ({name}) er {value}; angiv et endeligt tal.</translation>
    </message>
    <message>
        <location filename="../processing/_i18n.py" line="23"/>
        <source>en</source>
        <translation>da</translation>
    </message>
    <message>
        <location filename="../processing/_inputs.py" line="88"/>
        <source>The layer &apos;{name}&apos; could not be read.</source>
        <translation>Laget &apos;{name}&apos; kunne ikke læses.</translation>
    </message>
    <message>
        <location filename="../processing/_inputs.py" line="103"/>
        <location filename="../processing/_inputs.py" line="232"/>
        <source>The layer &apos;{layer}&apos; has no field &apos;{field}&apos;. Fields found: {fields}.</source>
        <translation>Laget &apos;{layer}&apos; har intet felt &apos;{field}&apos;. Fundne felter: {fields}.</translation>
    </message>
    <message>
        <location filename="../processing/_inputs.py" line="115"/>
        <source>Feature {fid} of &apos;{layer}&apos; has no geometry. Give it a location or remove it.</source>
        <translation>Objekt {fid} i &apos;{layer}&apos; har ingen geometri. Giv det en placering, eller fjern det.</translation>
    </message>
    <message>
        <location filename="../processing/_inputs.py" line="179"/>
        <source>The expression in {parameter} cannot be evaluated on &apos;{layer}&apos;: {error}. Fields found: {fields}.</source>
        <translation>Udtrykket i {parameter} kan ikke beregnes på &apos;{layer}&apos;: {error}. Fundne felter: {fields}.</translation>
    </message>
    <message>
        <location filename="../processing/_inputs.py" line="194"/>
        <source>The expression in {parameter} cannot be evaluated for feature {fid} of &apos;{layer}&apos;: {error}.</source>
        <translation>Udtrykket i {parameter} kan ikke beregnes for objekt {fid} i &apos;{layer}&apos;: {error}.</translation>
    </message>
    <message>
        <location filename="../processing/_inputs.py" line="242"/>
        <source>Feature {fid} of &apos;{layer}&apos; has no geometry. Repair or remove it.</source>
        <translation>Objekt {fid} i &apos;{layer}&apos; har ingen geometri. Ret eller fjern det.</translation>
    </message>
    <message>
        <location filename="../processing/_inputs.py" line="257"/>
        <source>The area layer &apos;{layer}&apos; is empty.</source>
        <translation>Områdelaget &apos;{layer}&apos; er tomt.</translation>
    </message>
    <message>
        <location filename="../processing/_inputs.py" line="265"/>
        <location filename="../sundplan_qgis/density.py" line="137"/>
        <source>The area layer &apos;{layer}&apos; has duplicate ids in &apos;{field}&apos;: {ids}. Each area needs a unique id (dissolve multi-part areas first).</source>
        <translation>Områdelaget &apos;{layer}&apos; har dublerede id&apos;er i &apos;{field}&apos;: {ids}. Hvert område skal have et entydigt id (saml områder i flere dele først).</translation>
    </message>
    <message>
        <location filename="../processing/_inputs.py" line="334"/>
        <location filename="../processing/_params/network.py" line="225"/>
        <location filename="../processing/_params/network.py" line="243"/>
        <location filename="../processing/_runtime.py" line="80"/>
        <location filename="../processing/_runtime.py" line="97"/>
        <location filename="../processing/base.py" line="350"/>
        <location filename="../processing/map_report/algorithm.py" line="224"/>
        <location filename="../processing/sundhedsraad_profile.py" line="164"/>
        <source>Cancelled by the user.</source>
        <translation>Annulleret af brugeren.</translation>
    </message>
    <message>
        <location filename="../processing/_inputs.py" line="349"/>
        <source>The road layer &apos;{layer}&apos; has no line features.</source>
        <translation>Vejlaget &apos;{layer}&apos; har ingen linjeobjekter.</translation>
    </message>
    <message>
        <location filename="../processing/_outputs.py" line="94"/>
        <source>&apos;{description}&apos; ({name})</source>
        <translation>&apos;{description}&apos; ({name})</translation>
    </message>
    <message>
        <location filename="../processing/_outputs.py" line="101"/>
        <source>Output {output}: </source>
        <translation>Output {output}: </translation>
    </message>
    <message>
        <location filename="../processing/_outputs.py" line="174"/>
        <source>the path is too long. Choose a shorter path.</source>
        <translation>stien er for lang. Vælg en kortere sti.</translation>
    </message>
    <message>
        <location filename="../processing/_outputs.py" line="179"/>
        <source>the name &apos;{name}…&apos; is {size} bytes long; file and folder names can have at most {max} bytes. Choose a shorter name.</source>
        <translation>navnet &apos;{name}…&apos; er {size} bytes langt; fil- og mappenavne må højst have {max} bytes. Vælg et kortere navn.</translation>
    </message>
    <message>
        <location filename="../processing/_outputs.py" line="192"/>
        <source>the file {file} does not end in {allowed}. Give a file name ending in .{first}.</source>
        <translation>filen {file} ender ikke på {allowed}. Angiv et filnavn, der ender på .{first}.</translation>
    </message>
    <message>
        <location filename="../processing/_outputs.py" line="203"/>
        <source>{path} is a folder. Give a file name inside it, e.g. {example}.</source>
        <translation>{path} er en mappe. Angiv et filnavn i den, f.eks. {example}.</translation>
    </message>
    <message>
        <location filename="../processing/_outputs.py" line="208"/>
        <source>{path} is a file, not a folder. Choose a folder.</source>
        <translation>{path} er en fil, ikke en mappe. Vælg en mappe.</translation>
    </message>
    <message>
        <location filename="../processing/_outputs.py" line="215"/>
        <source>{path} cannot be written: it lies under {file}, which is a file, not a folder. Choose a path in a folder.</source>
        <translation>{path} kan ikke skrives: den ligger under {file}, som er en fil, ikke en mappe. Vælg en sti i en mappe.</translation>
    </message>
    <message>
        <location filename="../processing/_outputs.py" line="225"/>
        <source>the folder {folder} cannot be written to. Choose a folder you can write to.</source>
        <translation>der kan ikke skrives i mappen {folder}. Vælg en mappe, du kan skrive i.</translation>
    </message>
    <message>
        <location filename="../processing/_outputs.py" line="232"/>
        <source>{path} is also the input {input}; the input would be overwritten. Choose another output file.</source>
        <translation>{path} er også input {input}; input ville blive overskrevet. Vælg en anden outputfil.</translation>
    </message>
    <message>
        <location filename="../processing/_outputs.py" line="248"/>
        <source>{path} is also given for {other}; each output needs its own file. Choose another file name.</source>
        <translation>{path} er også angivet for {other}; hvert output skal have sin egen fil. Vælg et andet filnavn.</translation>
    </message>
    <message>
        <location filename="../processing/_outputs.py" line="283"/>
        <source>cannot create the folder {folder}: {reason}. Choose a folder you can write to.</source>
        <translation>mappen {folder} kan ikke oprettes: {reason}. Vælg en mappe, du kan skrive i.</translation>
    </message>
    <message>
        <location filename="../processing/_outputs.py" line="301"/>
        <source>cannot write in the folder {folder}: {reason}. Choose a folder you can write to.</source>
        <translation>der kan ikke skrives i mappen {folder}: {reason}. Vælg en mappe, du kan skrive i.</translation>
    </message>
    <message>
        <location filename="../processing/_params/areas.py" line="41"/>
        <source>Area id field (e.g. kommunekode)</source>
        <translation>Felt med område-id (fx kommunekode)</translation>
    </message>
    <message>
        <location filename="../processing/_params/areas.py" line="42"/>
        <source>Area name field</source>
        <translation>Felt med områdenavn</translation>
    </message>
    <message>
        <location filename="../processing/_params/areas.py" line="96"/>
        <source>Choose the areas with population (a layer or table).</source>
        <translation>Vælg områderne med befolkning (et lag eller en tabel).</translation>
    </message>
    <message>
        <location filename="../processing/_params/areas.py" line="107"/>
        <source>The areas &apos;{layer}&apos; have no population columns: give age/sex columns (m_0_4, k_0_4 … m_85_plus, k_85_plus) or a &apos;population&apos; field. Fields found: {fields}.</source>
        <translation>Områderne &apos;{layer}&apos; har ingen befolkningskolonner: angiv alders-/kønskolonner (m_0_4, k_0_4 … m_85_plus, k_85_plus) eller et felt &apos;population&apos;. Fundne felter: {fields}.</translation>
    </message>
    <message>
        <location filename="../processing/_params/areas.py" line="133"/>
        <source>The table &apos;{layer}&apos; has no field &apos;{field}&apos;.</source>
        <translation>Tabellen &apos;{layer}&apos; har intet felt &apos;{field}&apos;.</translation>
    </message>
    <message>
        <location filename="../processing/_params/areas.py" line="144"/>
        <source>The area table &apos;{layer}&apos; is empty.</source>
        <translation>Områdetabellen &apos;{layer}&apos; er tom.</translation>
    </message>
    <message>
        <location filename="../processing/_params/areas.py" line="157"/>
        <source>The areas &apos;{layer}&apos; have duplicate ids: {ids}. Choose an id field with one value per area.</source>
        <translation>Områderne &apos;{layer}&apos; har dublerede id&apos;er: {ids}. Vælg et id-felt med én værdi pr. område.</translation>
    </message>
    <message>
        <location filename="../processing/_params/embedded.py" line="28"/>
        <source>&lt;b&gt;With no areas&lt;/b&gt;: the 98 embedded kommuner with their population of the latest embedded quarter (FOLK1A 2021K1) and its age/sex composition from FOLK1A 2014K1 (the latest available offline) scaled to those totals; the report states both quarters. sundplan:fetch_base_data fetches the current composition as a kommune layer to give as areas.</source>
        <translation>&lt;b&gt;Uden områder&lt;/b&gt;: de 98 indlejrede kommuner med folketallet i det seneste indlejrede kvartal (FOLK1A 2021K1) og en sammensætning efter alder og køn fra FOLK1A 2014K1 (den seneste, der findes offline) skaleret til disse totaler; rapporten angiver begge kvartaler. sundplan:fetch_base_data henter den aktuelle sammensætning som et kommunelag, der kan angives som områder.</translation>
    </message>
    <message>
        <location filename="../processing/_params/grouping.py" line="37"/>
        <location filename="../processing/_params/grouping.py" line="41"/>
        <source>Report for larger units</source>
        <translation>Rapportér for større enheder</translation>
    </message>
    <message>
        <location filename="../processing/_params/grouping.py" line="46"/>
        <source>Grouping table (for &apos;a grouping table&apos;)</source>
        <translation>Grupperingstabel (til &apos;en grupperingstabel&apos;)</translation>
    </message>
    <message>
        <location filename="../processing/_params/grouping.py" line="54"/>
        <source>Grouping table: area id field</source>
        <translation>Grupperingstabel: felt med område-id</translation>
    </message>
    <message>
        <location filename="../processing/_params/grouping.py" line="62"/>
        <source>Level fields of the grouping table</source>
        <translation>Niveaufelter i grupperingstabellen</translation>
    </message>
    <message>
        <location filename="../processing/_params/grouping.py" line="64"/>
        <source>Grouping table: unit field</source>
        <translation>Grupperingstabel: enhedsfelt</translation>
    </message>
    <message>
        <location filename="../processing/_params/grouping.py" line="79"/>
        <source>A grouping table is given, but the grouping chosen is not &apos;A grouping table (area id -&gt; unit)&apos;. Choose that grouping to use the table, or leave the grouping table empty.</source>
        <translation>Der er angivet en grupperingstabel, men den valgte gruppering er ikke &apos;En grupperingstabel (område-id -&gt; enhed)&apos;. Vælg den gruppering for at bruge tabellen, eller lad grupperingstabellen være tom.</translation>
    </message>
    <message>
        <location filename="../processing/_params/grouping.py" line="99"/>
        <source>Grouping by a table needs the grouping table and its area id and unit fields.</source>
        <translation>Gruppering efter en tabel kræver grupperingstabellen og dens felter for område-id og enhed.</translation>
    </message>
    <message>
        <location filename="../processing/_params/grouping.py" line="124"/>
        <source>Choose the key field and the level fields of the grouping table.</source>
        <translation>Vælg nøglefeltet og niveaufelterne i grupperingstabellen.</translation>
    </message>
    <message>
        <location filename="../processing/_params/hospitals.py" line="28"/>
        <source>Hospitals (default: the 21 embedded akutsygehuse)</source>
        <translation>Sygehuse (standard: de 21 indbyggede akutsygehuse)</translation>
    </message>
    <message>
        <location filename="../processing/_params/hospitals.py" line="36"/>
        <source>Hospital name field</source>
        <translation>Felt med sygehusets navn</translation>
    </message>
    <message>
        <location filename="../processing/_params/hospitals.py" line="44"/>
        <source>Hospital id field (default: hospital_id of the embedded akutsygehuse, else the feature id)</source>
        <translation>Felt med sygehus-id (standard: hospital_id for de indbyggede akutsygehuse, ellers objekt-id)</translation>
    </message>
    <message>
        <location filename="../processing/_params/hospitals.py" line="55"/>
        <source>Which hospitals are active (expression; empty = all)</source>
        <translation>Hvilke sygehuse er aktive (udtryk; tomt = alle)</translation>
    </message>
    <message>
        <location filename="../processing/_params/hospitals.py" line="70"/>
        <source>embedded akutsygehuse</source>
        <translation>indbyggede akutsygehuse</translation>
    </message>
    <message>
        <location filename="../processing/_params/hospitals.py" line="87"/>
        <source>No active hospitals in &apos;{layer}&apos;. Check the layer and the expression for active hospitals.</source>
        <translation>Ingen aktive sygehuse i &apos;{layer}&apos;. Kontrollér laget og udtrykket for aktive sygehuse.</translation>
    </message>
    <message>
        <location filename="../processing/_params/hospitals.py" line="101"/>
        <source>field &apos;{field}&apos; of &apos;{layer}&apos;</source>
        <translation>feltet &apos;{field}&apos; i &apos;{layer}&apos;</translation>
    </message>
    <message>
        <location filename="../processing/_params/hospitals.py" line="102"/>
        <source>feature ids of &apos;{layer}&apos; (no hospital id field chosen)</source>
        <translation>objekt-id&apos;er i &apos;{layer}&apos; (intet felt med sygehus-id valgt)</translation>
    </message>
    <message>
        <location filename="../processing/_params/need.py" line="15"/>
        <source>Unweighted population</source>
        <translation>Uvægtet befolkning</translation>
    </message>
    <message>
        <location filename="../processing/_params/need.py" line="18"/>
        <source>Default need weights per specialty (shipped, documented)</source>
        <translation>Standardbehovsvægte pr. speciale (medfølger, dokumenteret)</translation>
    </message>
    <message>
        <location filename="../processing/_params/need.py" line="24"/>
        <source>A weight table (CSV: specialty, age_group, sex, weight)</source>
        <translation>En vægttabel (CSV: specialty, age_group, sex, weight)</translation>
    </message>
    <message>
        <location filename="../processing/_params/need.py" line="30"/>
        <source>None: unweighted population</source>
        <translation>Ingen: uvægtet befolkning</translation>
    </message>
    <message>
        <location filename="../processing/_params/need.py" line="33"/>
        <source>Default almen praksis age/sex weights (resources/data/need_weights_gp.csv)</source>
        <translation>Standardvægte for almen praksis efter alder/køn (resources/data/need_weights_gp.csv)</translation>
    </message>
    <message>
        <location filename="../processing/_params/need.py" line="38"/>
        <source>Custom weights (table below or CSV file)</source>
        <translation>Egne vægte (tabellen nedenfor eller CSV-fil)</translation>
    </message>
    <message>
        <location filename="../processing/_params/need.py" line="51"/>
        <source>Need weighting (behovsvægte)</source>
        <translation>Behovsvægtning (behovsvægte)</translation>
    </message>
    <message>
        <location filename="../processing/_params/need.py" line="59"/>
        <source>Custom need weights: age group (0_4 … 85_plus), sex (m/k/all), weight</source>
        <translation>Egne behovsvægte: aldersgruppe (0_4 … 85_plus), køn (m/k/all), vægt</translation>
    </message>
    <message>
        <location filename="../processing/_params/need.py" line="60"/>
        <source>Age group</source>
        <translation>Aldersgruppe</translation>
    </message>
    <message>
        <location filename="../processing/_params/need.py" line="60"/>
        <source>Sex</source>
        <translation>Køn</translation>
    </message>
    <message>
        <location filename="../processing/_params/need.py" line="60"/>
        <source>Weight</source>
        <translation>Vægt</translation>
    </message>
    <message>
        <location filename="../processing/_params/need.py" line="67"/>
        <source>Weight table (CSV)</source>
        <translation>Vægttabel (CSV)</translation>
    </message>
    <message>
        <location filename="../processing/_params/need.py" line="69"/>
        <source>…or a CSV of need weights (columns age_group, sex, weight)</source>
        <translation>…eller en CSV-fil med behovsvægte (kolonnerne age_group, sex, weight)</translation>
    </message>
    <message>
        <location filename="../processing/_params/need.py" line="71"/>
        <location filename="../processing/need_projection.py" line="40"/>
        <source>CSV files</source>
        <translation>CSV-filer</translation>
    </message>
    <message>
        <location filename="../processing/_params/need.py" line="92"/>
        <source>Custom need weights chosen but neither a weight table nor a CSV file given.</source>
        <translation>Egne behovsvægte er valgt, men hverken en vægttabel eller en CSV-fil er angivet.</translation>
    </message>
    <message>
        <location filename="../processing/_params/need.py" line="95"/>
        <source>The need weight table needs rows of age group, sex, weight.</source>
        <translation>Tabellen med behovsvægte skal have rækker med aldersgruppe, køn og vægt.</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="40"/>
        <source>Road network file (.osm.pbf, .osm, .osm.bz2, GeoPackage, shapefile)</source>
        <translation>Vejnetsfil (.osm.pbf, .osm, .osm.bz2, GeoPackage, shapefil)</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="42"/>
        <source>Road networks</source>
        <translation>Vejnet</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="49"/>
        <source>…or a road network line layer</source>
        <translation>…eller et linjelag med vejnettet</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="57"/>
        <source>…or download the network for this extent with osmnx (needs internet; cached)</source>
        <translation>…eller hent vejnettet for denne udstrækning med osmnx (kræver internet; gemmes i cache)</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="67"/>
        <source>Download cache folder (osmnx answers from it when the extent repeats)</source>
        <translation>Cachemappe til download (osmnx svarer herfra, når udstrækningen gentages)</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="74"/>
        <source>Speed field (km/h) of the line layer</source>
        <translation>Hastighedsfelt (km/t) i linjelaget</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="75"/>
        <source>One-way field (yes/1/true, -1/reverse) of the line layer</source>
        <translation>Ensretningsfelt (yes/1/true, -1/reverse) i linjelaget</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="76"/>
        <source>Road class field (OSM highway values) of the line layer</source>
        <translation>Vejklassefelt (OSM highway-værdier) i linjelaget</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="77"/>
        <source>Ferry crossing time field (minutes) of the line layer</source>
        <translation>Felt med overfartstid for færger (minutter) i linjelaget</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="92"/>
        <source>Speed per road class (km/h) where the network has no speed</source>
        <translation>Hastighed pr. vejklasse (km/t), hvor vejnettet ikke har en hastighed</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="93"/>
        <source>Road class</source>
        <translation>Vejklasse</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="93"/>
        <source>km/h</source>
        <translation>km/t</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="101"/>
        <source>Realism factor (effective speed = speed × factor)</source>
        <translation>Realismefaktor (effektiv hastighed = hastighed × faktor)</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="110"/>
        <source>Include ferries (route=ferry)</source>
        <translation>Medtag færger (route=ferry)</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="116"/>
        <source>Ferry boarding time (minutes, added once per crossing)</source>
        <translation>Ombordkørselstid for færger (minutter, lægges til én gang pr. overfart)</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="125"/>
        <source>Cache the routable graph (a repeat run on the same network file and options skips reading and building it)</source>
        <translation>Gem den rutbare graf i cache (en ny kørsel med samme vejnetsfil og indstillinger springer læsning og opbygning over)</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="135"/>
        <source>Graph cache folder</source>
        <translation>Cachemappe til grafen</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="149"/>
        <location filename="../processing/fca_access.py" line="168"/>
        <location filename="../processing/location_allocation.py" line="183"/>
        <source>Reading the road network</source>
        <translation>Læser vejnettet</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="164"/>
        <source>The road network file &apos;{path}&apos; does not exist.</source>
        <translation>Vejnetsfilen &apos;{path}&apos; findes ikke.</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="226"/>
        <source>Building the routable graph</source>
        <translation>Bygger den rutbare graf</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="249"/>
        <source>Road network &apos;{name}&apos;: {lines:,} lines, {nodes:,} nodes, {edges:,} directed edges, {comp} connected parts (read {tr:.1f} s, graph {tb:.1f} s).</source>
        <translation>Vejnet &apos;{name}&apos;: {lines:,} linjer, {nodes:,} knuder, {edges:,} rettede kanter, {comp} sammenhængende dele (læst på {tr:.1f} s, graf på {tb:.1f} s).</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="282"/>
        <source>No road network given: using the embedded national main-road network {file} ({attribution}). Note: {note}.</source>
        <translation>Intet vejnet angivet: bruger det indbyggede landsdækkende hovedvejnet {file} ({attribution}). Bemærk: {note}.</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="330"/>
        <source>The download extent is empty. Draw or choose an extent covering the area.</source>
        <translation>Downloadudstrækningen er tom. Tegn eller vælg en udstrækning, der dækker området.</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="338"/>
        <source>Cannot transform the download extent from {crs} to EPSG:4326: {err}</source>
        <translation>Kan ikke transformere downloadudstrækningen fra {crs} til EPSG:4326: {err}</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="345"/>
        <source>Downloading roads{ferries} for {w:.4f}, {s:.4f}, {e:.4f}, {n:.4f} (EPSG:4326) with osmnx from Overpass; cache: {cache}</source>
        <translation>Henter veje{ferries} for {w:.4f}, {s:.4f}, {e:.4f}, {n:.4f} (EPSG:4326) med osmnx fra Overpass; cache: {cache}</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="349"/>
        <source> and ferries</source>
        <translation> og færger</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="415"/>
        <source>Road graph cache: hit ({key}, {mb:.1f} MB read in {s:.1f} s from {folder}); the network was neither read nor built.</source>
        <translation>Cache for vejgrafen: fundet ({key}, {mb:.1f} MB læst på {s:.1f} s fra {folder}); vejnettet blev hverken læst eller bygget.</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="420"/>
        <source>Road graph cache: miss ({key}); the graph is stored in {folder} ({mb:.1f} MB, {s:.1f} s) for the next run on the same network file and options.</source>
        <translation>Cache for vejgrafen: ikke fundet ({key}); grafen gemmes i {folder} ({mb:.1f} MB, {s:.1f} s) til næste kørsel med samme vejnetsfil og indstillinger.</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="425"/>
        <source>Road graph cache: miss ({key}); the graph was not stored.</source>
        <translation>Cache for vejgrafen: ikke fundet ({key}); grafen blev ikke gemt.</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="427"/>
        <source>Road graph cache: off (NETWORK_CACHE is false).</source>
        <translation>Cache for vejgrafen: slået fra (NETWORK_CACHE er false).</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="428"/>
        <source>Road graph cache: off (only a network read from a file is cached).</source>
        <translation>Cache for vejgrafen: slået fra (kun et vejnet læst fra en fil gemmes i cache).</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="434"/>
        <location filename="../sundplan_qgis/network/fields.py" line="84"/>
        <source>road class</source>
        <translation>vejklasse</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="435"/>
        <location filename="../sundplan_qgis/network/fields.py" line="85"/>
        <location filename="../sundplan_qgis/run_report.py" line="230"/>
        <source>speed</source>
        <translation>hastighed</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="436"/>
        <location filename="../sundplan_qgis/run_report.py" line="151"/>
        <source>one-way</source>
        <translation>ensrettet</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="437"/>
        <source>ferry time</source>
        <translation>færgetid</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="444"/>
        <source>{role}: none</source>
        <translation>{role}: intet</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="446"/>
        <source>{role}: &apos;{field}&apos; (detected)</source>
        <translation>{role}: &apos;{field}&apos; (fundet ud fra navnet)</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="449"/>
        <source>Road network fields: {fields}.</source>
        <translation>Vejnettets felter: {fields}.</translation>
    </message>
    <message>
        <location filename="../processing/_params/network.py" line="465"/>
        <source>The speed table needs pairs of road class and km/h.</source>
        <translation>Hastighedstabellen skal have par af vejklasse og km/t.</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="31"/>
        <source>Specialist practices (points)</source>
        <translation>Speciallægepraksis (punkter)</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="39"/>
        <source>Specialty field of the practices</source>
        <translation>Specialefelt i praksislaget</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="47"/>
        <source>Capacity field (full-time ydernumre; empty = 1 per practice)</source>
        <translation>Kapacitetsfelt (fuldtids-ydernumre; tomt = 1 pr. praksis)</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="56"/>
        <source>…or a capacity table per area and specialty</source>
        <translation>…eller en kapacitetstabel pr. område og speciale</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="62"/>
        <source>Area id field of the capacity table</source>
        <translation>Felt med område-id i kapacitetstabellen</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="63"/>
        <source>Specialty field of the capacity table</source>
        <translation>Specialefelt i kapacitetstabellen</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="64"/>
        <location filename="../processing/capacity_allocation.py" line="119"/>
        <source>Capacity field of the capacity table</source>
        <translation>Kapacitetsfelt i kapacitetstabellen</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="86"/>
        <source>Choose the specialty field of the practices.</source>
        <translation>Vælg specialefeltet i praksislaget.</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="89"/>
        <source>Practices as points need polygon areas to be placed in. Give the areas as polygons, or give a capacity table per area instead.</source>
        <translation>Praksis som punkter skal have polygonområder at blive placeret i. Angiv områderne som polygoner, eller angiv i stedet en kapacitetstabel pr. område.</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="122"/>
        <source>The capacity table needs its area id, specialty and capacity fields.</source>
        <translation>Kapacitetstabellen kræver sine felter for område-id, speciale og kapacitet.</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="131"/>
        <source>Give the specialist practices (points) or a capacity table per area.</source>
        <translation>Angiv speciallægepraksis (punkter) eller en kapacitetstabel pr. område.</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="142"/>
        <source>Practices (points)</source>
        <translation>Praksis (punkter)</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="148"/>
        <source>Practice name field</source>
        <translation>Felt med praksisnavn</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="156"/>
        <location filename="../processing/capacity_allocation.py" line="137"/>
        <source>Capacity field (number of GPs / lægekapaciteter; empty = 1 per practice)</source>
        <translation>Kapacitetsfelt (antal læger / lægekapaciteter; tomt = 1 pr. praksis)</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="166"/>
        <source>List size field (patients, optional)</source>
        <translation>Felt med listestørrelse (patienter)</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="175"/>
        <source>&apos;Open for new patients&apos; field (1/0, yes/no, ja/nej; optional)</source>
        <translation>Felt for &apos;åben for tilgang af nye patienter&apos; (1/0, yes/no, ja/nej)</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="183"/>
        <source>Specialty field</source>
        <translation>Specialefelt</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="191"/>
        <source>Only these specialties (comma separated; empty = all practices)</source>
        <translation>Kun disse specialer (kommasepareret; tomt = alle praksis)</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="222"/>
        <source>A specialty filter needs the specialty field.</source>
        <translation>Et filter på speciale kræver specialefeltet.</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="231"/>
        <source>No practice of &apos;{layer}&apos; has specialty {wanted}. Specialties found: {found}.</source>
        <translation>Ingen praksis i &apos;{layer}&apos; har specialet {wanted}. Fundne specialer: {found}.</translation>
    </message>
    <message>
        <location filename="../processing/_params/practices.py" line="243"/>
        <location filename="../processing/capacity_allocation.py" line="199"/>
        <source>The practice layer &apos;{layer}&apos; is empty.</source>
        <translation>Praksislaget &apos;{layer}&apos; er tomt.</translation>
    </message>
    <message>
        <location filename="../processing/_params/reach.py" line="25"/>
        <source>Network part: travel time limit (minutes)</source>
        <translation>Netværksdel: grænse for rejsetid (minutter)</translation>
    </message>
    <message>
        <location filename="../processing/_params/reach.py" line="32"/>
        <source>Network part: residents (population raster)</source>
        <translation>Netværksdel: indbyggere (befolkningsraster)</translation>
    </message>
    <message>
        <location filename="../processing/_params/reach.py" line="33"/>
        <source>Network part: …or residents as points/polygons</source>
        <translation>Netværksdel: …eller indbyggere som punkter/polygoner</translation>
    </message>
    <message>
        <location filename="../processing/_params/reach.py" line="34"/>
        <source>Network part: population field</source>
        <translation>Netværksdel: befolkningsfelt</translation>
    </message>
    <message>
        <location filename="../processing/_params/reach.py" line="51"/>
        <source>The network part needs the practices as points and the areas as polygons.</source>
        <translation>Netværksdelen kræver praksis som punkter og områderne som polygoner.</translation>
    </message>
    <message>
        <location filename="../processing/_params/reach.py" line="58"/>
        <source>The network part needs polygon areas.</source>
        <translation>Netværksdelen kræver polygonområder.</translation>
    </message>
    <message>
        <location filename="../processing/_params/residents.py" line="37"/>
        <source>&lt;b&gt;With no inputs&lt;/b&gt;: with no road network given, the tool routes on the embedded national main-road network (OpenStreetMap 2021, motorway to tertiary plus ferries; &apos;oversigt: kun hovedveje&apos;). With no residents, it uses the embedded kommuner&apos;s population of the latest quarter (FOLK1A), placed along the roads, and reports per kommune when no areas are given. Every output and map then says so.</source>
        <translation>&lt;b&gt;Uden input&lt;/b&gt;: uden et vejnet beregner værktøjet ruter på det indlejrede nationale hovedvejnet (OpenStreetMap 2021, motorvej til tertiærvej samt færger; &apos;oversigt: kun hovedveje&apos;). Uden indbyggere bruger det de indlejrede kommuners folketal i det seneste kvartal (FOLK1A), placeret langs vejene, og opgør pr. kommune, når der ikke er angivet områder. Alle output og kort siger det da.</translation>
    </message>
    <message>
        <location filename="../processing/_params/residents.py" line="73"/>
        <source>Population polygons: how to place their residents</source>
        <translation>Befolkningspolygoner: hvordan beboerne placeres</translation>
    </message>
    <message>
        <location filename="../processing/_params/residents.py" line="85"/>
        <source>Maximum snapping distance to the road network (m)</source>
        <translation>Største afstand til vejnettet ved tilknytning (m)</translation>
    </message>
    <message>
        <location filename="../processing/_params/residents.py" line="94"/>
        <source>Access speed between a location and the road (km/h, straight line)</source>
        <translation>Hastighed mellem et sted og vejen (km/t, i lige linje)</translation>
    </message>
    <message>
        <location filename="../processing/_params/residents.py" line="103"/>
        <source>Raster cell size when population is not a raster (m)</source>
        <translation>Rastercellestørrelse, når befolkningen ikke er et raster (m)</translation>
    </message>
    <message>
        <location filename="../processing/_params/residents.py" line="114"/>
        <source>Population raster (persons per cell)</source>
        <translation>Befolkningsraster (personer pr. celle)</translation>
    </message>
    <message>
        <location filename="../processing/_params/residents.py" line="115"/>
        <location filename="../processing/fca_access.py" line="101"/>
        <location filename="../processing/location_allocation.py" line="108"/>
        <source>…or population points/polygons</source>
        <translation>…eller befolkning som punkter/polygoner</translation>
    </message>
    <message>
        <location filename="../processing/_params/residents.py" line="116"/>
        <location filename="../processing/fca_access.py" line="102"/>
        <location filename="../processing/location_allocation.py" line="109"/>
        <source>Population field</source>
        <translation>Befolkningsfelt</translation>
    </message>
    <message>
        <location filename="../processing/_params/residents.py" line="118"/>
        <source>Areas for the summary, e.g. kommuner</source>
        <translation>Områder til opsummeringen, fx kommuner</translation>
    </message>
    <message>
        <location filename="../processing/_params/residents.py" line="122"/>
        <source>Time bands (minutes, comma separated)</source>
        <translation>Tidsintervaller (minutter, kommasepareret)</translation>
    </message>
    <message>
        <location filename="../processing/_params/residents.py" line="165"/>
        <source>No population given. Choose a population raster or a point/polygon layer.</source>
        <translation>Ingen befolkning angivet. Vælg et befolkningsraster eller et punkt-/polygonlag.</translation>
    </message>
    <message>
        <location filename="../processing/_params/residents.py" line="169"/>
        <source>Choose the population field of the population layer.</source>
        <translation>Vælg befolkningsfeltet i befolkningslaget.</translation>
    </message>
    <message>
        <location filename="../processing/_params/residents.py" line="226"/>
        <source>No residents given: using the embedded {n} kommuner with their population of {quarter} (FOLK1A, Danmarks Statistik; {total:,} residents), placed: {method}.</source>
        <translation>Ingen indbyggere angivet: bruger de indbyggede {n} kommuner med deres folketal {quarter} (FOLK1A, Danmarks Statistik; {total:,} indbyggere), placeret: {method}.</translation>
    </message>
    <message>
        <location filename="../processing/_params/residents.py" line="266"/>
        <source>No road network given.</source>
        <translation>Intet vejnet angivet.</translation>
    </message>
    <message>
        <location filename="../processing/_params/residents.py" line="317"/>
        <source>Time bands must be numbers in minutes separated by commas, e.g. 15,30,45,60.</source>
        <translation>Tidsintervaller skal være tal i minutter adskilt af kommaer, fx 15,30,45,60.</translation>
    </message>
    <message>
        <location filename="../processing/_postprocess.py" line="88"/>
        <source>Made by the Sundplan QGIS plugin. Provenance (JSON):</source>
        <translation>Lavet med Sundplan-pluginet til QGIS. Proveniens (JSON):</translation>
    </message>
    <message>
        <location filename="../processing/_postprocess.py" line="103"/>
        <source>Could not adapt the style: {error}</source>
        <translation>Kunne ikke tilpasse stilen: {error}</translation>
    </message>
    <message>
        <location filename="../processing/_postprocess.py" line="165"/>
        <source>Could not store the style in {file}: {error}</source>
        <translation>Kunne ikke gemme stilen i {file}: {error}</translation>
    </message>
    <message>
        <location filename="../processing/_postprocess.py" line="174"/>
        <location filename="../processing/_postprocess.py" line="181"/>
        <source>Could not store metadata in {file}: {error}</source>
        <translation>Kunne ikke gemme metadata i {file}: {error}</translation>
    </message>
    <message>
        <location filename="../processing/_report.py" line="31"/>
        <source>Warn when more than this share of residents is not reached (%)</source>
        <translation>Advar, når mere end denne andel af indbyggerne ikke nås (%)</translation>
    </message>
    <message>
        <location filename="../processing/_report.py" line="61"/>
        <source>Run report (JSON)</source>
        <translation>Kørselsrapport (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/_report.py" line="67"/>
        <source>Run report (text)</source>
        <translation>Kørselsrapport (tekst)</translation>
    </message>
    <message>
        <location filename="../processing/_runtime.py" line="104"/>
        <source>A required Python package could not be imported: {error}</source>
        <translation>En nødvendig Python-pakke kunne ikke importeres: {error}</translation>
    </message>
    <message>
        <location filename="../processing/_runtime.py" line="121"/>
        <source>{tool} stopped on an unexpected error ({kind}: {error}). Nothing was written. Please report it to the Sundplan developers with the tool&apos;s log (the details are in the log as information) and, if you can, the input files.</source>
        <translation>{tool} stoppede på grund af en uventet fejl ({kind}: {error}). Intet blev skrevet. Rapportér den venligst til Sundplans udviklere med værktøjets log (detaljerne står i loggen som information) og, hvis muligt, inputfilerne.</translation>
    </message>
    <message>
        <location filename="../processing/_sinks.py" line="229"/>
        <source>Could not write feature {i} to output {name}: {error}</source>
        <translation>Kunne ikke skrive objekt {i} til resultatet {name}: {error}</translation>
    </message>
    <message>
        <location filename="../processing/_styling.py" line="58"/>
        <source>&gt; {limit} min</source>
        <translation>&gt; {limit} min</translation>
    </message>
    <message>
        <location filename="../processing/_styling.py" line="59"/>
        <source>{lower}–{upper} min</source>
        <translation>{lower}–{upper} min</translation>
    </message>
    <message>
        <location filename="../processing/_styling.py" line="153"/>
        <source>Not reached</source>
        <translation>Ikke nået</translation>
    </message>
    <message>
        <location filename="../processing/_styling.py" line="177"/>
        <source>Mean minutes (of reached residents)</source>
        <translation>Gennemsnit i minutter (for nåede indbyggere)</translation>
    </message>
    <message>
        <location filename="../processing/_styling.py" line="178"/>
        <source>Median minutes (of reached residents)</source>
        <translation>Median i minutter (for nåede indbyggere)</translation>
    </message>
    <message>
        <location filename="../processing/_styling.py" line="179"/>
        <source>90th percentile minutes (of reached residents)</source>
        <translation>90. percentil i minutter (for nåede indbyggere)</translation>
    </message>
    <message>
        <location filename="../processing/_styling.py" line="180"/>
        <source>Longest minutes (of reached residents)</source>
        <translation>Længste rejsetid i minutter (for nåede indbyggere)</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="47"/>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="48"/>
        <source>Accessibility</source>
        <translation>Tilgængelighed</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="49"/>
        <source>Capacity and need</source>
        <translation>Kapacitet og behov</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="50"/>
        <source>Maps and reports</source>
        <translation>Kort og rapporter</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="176"/>
        <source>Provenance (parameters and versions, JSON)</source>
        <translation>Proveniens (parametre og versioner, JSON)</translation>
    </message>
    <message>
        <location filename="../processing/capacity_allocation.py" line="45"/>
        <source>Capacity allocation by need (Fordelingsmodel)</source>
        <translation>Fordeling af kapacitet efter behov (Fordelingsmodel)</translation>
    </message>
    <message>
        <location filename="../processing/capacity_allocation.py" line="59"/>
        <source>Distributes a total of capacities (lægekapaciteter, or a specialty&apos;s ydernumre) over kommuner, sundhedsråd, regions or the regions from 2027 by need, now and in a target year, against today&apos;s capacities (the national plan&apos;s fordelingsmodel, Princip 2: resources by need).&lt;br&gt;&lt;br&gt;&lt;b&gt;Method&lt;/b&gt;: fair share = total × the unit&apos;s share of the country&apos;s need-weighted residents (Σ persons × weight by age and sex) in the base year and in the target year; change needed = fair share in the target year − today&apos;s capacity; all three also per 10 000 residents. Optionally rounded to whole units by the largest-remainder method: whole parts first, the units left one each to the largest remainders (ties to the larger quota, then the smaller area code); the total is kept exactly either way.&lt;br&gt;&lt;b&gt;Today&apos;s capacities&lt;/b&gt;: a table with a unit code field (the level&apos;s codes - kommunekode, sundhedsraad_id 1-17, regionskode, region_2027_id 1-4 - its names, or kommunekoder, summed to the level) and a capacity field; or practices as points with a capacity field (1 per practice when empty), placed in the embedded kommuner. Units without capacity data are listed and left empty, never counted as 0.&lt;br&gt;&lt;b&gt;Population&lt;/b&gt;: as in need_projection (a projection CSV, e.g. from fetch_base_data). The method, weights, years and total are written into the table, the report and the provenance.</source>
        <translation>Fordeler et antal kapaciteter (lægekapaciteter eller et speciales ydernumre) på kommuner, sundhedsråd, regioner eller regionerne fra 2027 efter behov, nu og i et målår, holdt op mod dagens kapaciteter (den nationale sundhedsplans fordelingsmodel, Princip 2: ressourcer efter behov).&lt;br&gt;&lt;br&gt;&lt;b&gt;Metode&lt;/b&gt;: rimelig andel = total × enhedens andel af landets behovsvægtede indbyggere (Σ personer × vægt efter alder og køn) i basisåret og i målåret; nødvendig ændring = rimelig andel i målåret − dagens kapacitet; alle tre også pr. 10.000 indbyggere. Kan afrundes til hele enheder med største-rest-metoden: først de hele dele, derefter én til hver af de største rester (ved lighed til den største kvote, derefter til den mindste områdekode); totalen holdes præcist i begge tilfælde.&lt;br&gt;&lt;b&gt;Dagens kapaciteter&lt;/b&gt;: en tabel med et felt med enhedskode (niveauets koder - kommunekode, sundhedsraad_id 1-17, regionskode, region_2027_id 1-4 - deres navne eller kommunekoder, der lægges sammen til niveauet) og et kapacitetsfelt; eller praksis som punkter med et kapacitetsfelt (1 pr. praksis, når det er tomt), placeret i de indbyggede kommuner. Enheder uden kapacitetsdata listes og står tomme, de tælles aldrig som 0.&lt;br&gt;&lt;b&gt;Befolkning&lt;/b&gt;: som i need_projection (en fremskrivning som CSV, fx fra fetch_base_data). Metode, vægte, år og total skrives i tabellen, rapporten og provenansen.</translation>
    </message>
    <message>
        <location filename="../processing/capacity_allocation.py" line="79"/>
        <source>&lt;b&gt;Defaults&lt;/b&gt;: population = the embedded FOLK1A 2021 (one year, so the target year is the base year); base year = the first year of the table, target year = its last; total = today&apos;s total capacity; level = sundhedsråd (the national model distributes on sundhedsråd level); need weights = almen praksis, or with a specialty the shipped weights of that specialty.</source>
        <translation>&lt;b&gt;Standardværdier&lt;/b&gt;: befolkning = den indbyggede FOLK1A 2021 (ét år, så målåret er basisåret); basisår = tabellens første år, målår = dens sidste; total = dagens samlede kapacitet; niveau = sundhedsråd (den nationale model fordeler på sundhedsrådsniveau); behovsvægte = almen praksis, eller med et speciale de medfølgende vægte for det speciale.</translation>
    </message>
    <message>
        <location filename="../processing/capacity_allocation.py" line="90"/>
        <source>Target year (empty = the last year of the table)</source>
        <translation>Målår (tomt = tabellens sidste år)</translation>
    </message>
    <message>
        <location filename="../processing/capacity_allocation.py" line="92"/>
        <location filename="../processing/need_projection.py" line="136"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../processing/capacity_allocation.py" line="97"/>
        <source>Specialty (empty = almen praksis; e.g. øjenlæge or Øjenlægevidenskab)</source>
        <translation>Speciale (tomt = almen praksis; fx øjenlæge eller Øjenlægevidenskab)</translation>
    </message>
    <message>
        <location filename="../processing/capacity_allocation.py" line="104"/>
        <source>Total to distribute (empty = today&apos;s total capacity)</source>
        <translation>Total, der skal fordeles (tomt = dagens samlede kapacitet)</translation>
    </message>
    <message>
        <location filename="../processing/capacity_allocation.py" line="112"/>
        <source>Today&apos;s capacities: a table or layer per unit</source>
        <translation>Dagens kapaciteter: en tabel eller et lag pr. enhed</translation>
    </message>
    <message>
        <location filename="../processing/capacity_allocation.py" line="118"/>
        <source>Unit code field of the capacity table</source>
        <translation>Felt med enhedskode i kapacitetstabellen</translation>
    </message>
    <message>
        <location filename="../processing/capacity_allocation.py" line="129"/>
        <source>…or practices (points)</source>
        <translation>…eller praksis (punkter)</translation>
    </message>
    <message>
        <location filename="../processing/capacity_allocation.py" line="145"/>
        <source>Round to whole units (largest remainder)</source>
        <translation>Afrund til hele enheder (største rest)</translation>
    </message>
    <message>
        <location filename="../processing/capacity_allocation.py" line="150"/>
        <location filename="../processing/capacity_allocation.py" line="252"/>
        <source>Fair shares per unit</source>
        <translation>Rimelige andele pr. enhed</translation>
    </message>
    <message>
        <location filename="../processing/capacity_allocation.py" line="170"/>
        <source>Give today&apos;s capacities as a table or as practices, not both.</source>
        <translation>Angiv dagens kapaciteter som tabel eller som praksis, ikke begge dele.</translation>
    </message>
    <message>
        <location filename="../processing/capacity_allocation.py" line="177"/>
        <source>The capacity table &apos;{layer}&apos; needs its unit code field and its capacity field.</source>
        <translation>Kapacitetstabellen &apos;{layer}&apos; skal have sit felt med enhedskode og sit kapacitetsfelt.</translation>
    </message>
    <message>
        <location filename="../processing/catchment_scenario.py" line="38"/>
        <source>Hospital scenario: close, move or add akutsygehuse (Scenarie)</source>
        <translation>Sygehusscenarie: luk, flyt eller tilføj akutsygehuse</translation>
    </message>
    <message>
        <location filename="../processing/catchment_scenario.py" line="42"/>
        <source>Compares travel times to the nearest akutsygehus between a baseline hospital set and a scenario: close hospitals by name, add new points (a moved hospital = close the old one and add the new site). Answers questions such as &apos;what happens if Thisted closes its akutmodtagelse&apos; in one run.&lt;br&gt;&lt;br&gt;&lt;b&gt;Outputs&lt;/b&gt;: a raster of the change in minutes per cell (scenario − baseline; positive = longer trip), a table per area with the change in mean, median, 90th percentile and max minutes (each of the residents reached in that run) and in population beyond each band, the residents not reached in each run (base_pop_unsnapped, pop_unsnapped, pop_unreachable, share_not_reached ...) and those reached in only one (pop_newly_not_reached, pop_newly_reached), a table of the population that changes hospital with the from → to pair and both hospitals&apos; own ids (&apos;(not reached)&apos; when a run reaches no hospital), and a run report. The log warns when more than NOT_REACHED_WARNING_PCT % of the residents are not reached in the scenario.&lt;br&gt;&lt;br&gt;The method, units and defaults are those of &apos;Travel time and catchments&apos;: both runs use the same network, population and grid, so every cell is compared one to one.</source>
        <translation>Sammenligner rejsetiden til nærmeste akutsygehus mellem sygehusene i udgangssituationen og et scenarie: luk sygehuse efter navn, tilføj nye punkter (et flyttet sygehus = luk det gamle og tilføj den nye placering). Besvarer spørgsmål som &apos;hvad sker der, hvis Thisted lukker sin akutmodtagelse&apos; i én kørsel.&lt;br&gt;&lt;br&gt;&lt;b&gt;Resultater&lt;/b&gt;: et raster med ændringen i minutter pr. celle (scenarie − udgangssituation; positiv = længere tur), en tabel pr. område med ændringen i gennemsnit, median, 90. percentil og maksimum i minutter (hver for de indbyggere, kørslen når) og i befolkningen uden for hvert tidsinterval, de indbyggere, der ikke nås i hver kørsel (base_pop_unsnapped, pop_unsnapped, pop_unreachable, share_not_reached ...), og dem, der kun nås i den ene (pop_newly_not_reached, pop_newly_reached), en tabel over befolkningen, der skifter sygehus, med parret fra → til og begge sygehuses egne id&apos;er (&apos;(ikke nået)&apos; når en kørsel ikke når noget sygehus), og en kørselsrapport. Loggen advarer, når mere end NOT_REACHED_WARNING_PCT % af indbyggerne ikke nås i scenariet.&lt;br&gt;&lt;br&gt;Metode, enheder og standardværdier er de samme som i &apos;Rejsetid og optageområder&apos;: begge kørsler bruger samme vejnet, befolkning og gitter, så hver celle sammenlignes én til én.</translation>
    </message>
    <message>
        <location filename="../processing/catchment_scenario.py" line="62"/>
        <source>Baseline hospitals (default: the 21 embedded akutsygehuse)</source>
        <translation>Sygehuse i udgangssituationen (standard: de 21 indbyggede akutsygehuse)</translation>
    </message>
    <message>
        <location filename="../processing/catchment_scenario.py" line="67"/>
        <source>Hospitals to close in the scenario (names, comma separated)</source>
        <translation>Sygehuse, der lukkes i scenariet (navne, kommasepareret)</translation>
    </message>
    <message>
        <location filename="../processing/catchment_scenario.py" line="74"/>
        <source>Hospitals to add in the scenario (points)</source>
        <translation>Sygehuse, der tilføjes i scenariet (punkter)</translation>
    </message>
    <message>
        <location filename="../processing/catchment_scenario.py" line="80"/>
        <source>Name field of the added hospitals</source>
        <translation>Navnefelt for de tilføjede sygehuse</translation>
    </message>
    <message>
        <location filename="../processing/catchment_scenario.py" line="81"/>
        <source>Id field of the added hospitals (default: the feature id)</source>
        <translation>Id-felt for de tilføjede sygehuse (standard: objekt-id)</translation>
    </message>
    <message>
        <location filename="../processing/catchment_scenario.py" line="92"/>
        <source>Change in travel time (minutes, scenario − baseline)</source>
        <translation>Ændring i rejsetid (minutter, scenarie − udgangssituation)</translation>
    </message>
    <message>
        <location filename="../processing/catchment_scenario.py" line="98"/>
        <source>Change per area</source>
        <translation>Ændring pr. område</translation>
    </message>
    <message>
        <location filename="../processing/catchment_scenario.py" line="106"/>
        <source>Population changing hospital (from → to)</source>
        <translation>Befolkning, der skifter sygehus (fra → til)</translation>
    </message>
    <message>
        <location filename="../processing/catchment_scenario.py" line="119"/>
        <location filename="../sundplan_qgis/gaps.py" line="83"/>
        <source>new</source>
        <translation>nyt</translation>
    </message>
    <message>
        <location filename="../processing/catchment_scenario.py" line="151"/>
        <source>{pop:,.0f} residents change hospital; {longer:,.0f} get a longer trip.</source>
        <translation>{pop:,.0f} indbyggere skifter sygehus; {longer:,.0f} får en længere tur.</translation>
    </message>
    <message>
        <location filename="../processing/catchments.py" line="32"/>
        <source>Travel time and catchments to akutsygehuse (Rejsetid og optageområder)</source>
        <translation>Rejsetid og optageområder til akutsygehuse</translation>
    </message>
    <message>
        <location filename="../processing/catchments.py" line="36"/>
        <source>Computes, for every resident, the drive time in minutes to the nearest active akutsygehus over the road network, which hospital&apos;s optageområde (catchment) they belong to, and summaries per kommune or any area layer.&lt;br&gt;&lt;br&gt;&lt;b&gt;Method&lt;/b&gt;: the road network becomes a directed graph (every vertex a node, one-way streets respected from home to hospital, ferries with their duration or a default speed plus boarding time). One multi-source Dijkstra search runs from all hospitals on the reversed graph (scipy.sparse.csgraph). Population locations (raster cell centres or points) are snapped to the nearest reachable road within the maximum snap distance; the straight access leg is driven at the access speed. With areas, land = the union of the areas: a resident snaps only to roads on the same island (land part), and the raster and polygons are clipped to the land; without areas no land mask is used. Equal times go to the hospital listed first. Bands are closed on the right: exactly 15.0 minutes is in 0–15.&lt;br&gt;&lt;br&gt;&lt;b&gt;Defaults&lt;/b&gt;: the 21 akutsygehuse embedded in the plugin (Sundhedsdatastyrelsen SOR); Danish speed defaults per road class (Færdselsloven §42: 50 km/h in towns, 80 outside, 130 on motorways; the table per road class is on the Help page); bands 15, 30, 45, 60 minutes; snap distance 1 000 m; access speed 30 km/h.&lt;br&gt;&lt;br&gt;&lt;b&gt;Outputs&lt;/b&gt;: a travel-time raster (minutes, nodata where unreachable or off land), catchment polygons with the hospital&apos;s own id, population and mean/max minutes, time-band polygons with population and a &apos;not reached&apos; class, an area table (population, mean, median, 90th percentile and max minutes, population and share beyond each band, the main hospital, pop_unsnapped, pop_unreachable and share_not_reached) and a run report (JSON and text) with parameters, versions, network size, coverage and what could not be snapped and why. Mean, median, 90th percentile and max minutes are of reached residents; residents not reached are counted apart, and the log warns when more than NOT_REACHED_WARNING_PCT % are not reached. Population is conserved: bands + not reached = input total.&lt;br&gt;&lt;br&gt;&lt;b&gt;Hospital ids&lt;/b&gt;: HOSPITAL_ID_FIELD (default: hospital_id of the embedded akutsygehuse; for your own layer without it, the feature id) is carried unchanged into the outputs and the report.</source>
        <translation>Beregner for hver indbygger køretiden i minutter til nærmeste aktive akutsygehus via vejnettet, hvilket sygehus&apos; optageområde vedkommende hører til, og opsummeringer pr. kommune eller et hvilket som helst områdelag.&lt;br&gt;&lt;br&gt;&lt;b&gt;Metode&lt;/b&gt;: vejnettet bliver til en rettet graf (hvert knudepunkt en knude, ensrettede gader respekteres fra bopæl til sygehus, færger med deres overfartstid eller en standardhastighed plus ombordkørselstid). Én Dijkstra-søgning med flere kilder kører fra alle sygehuse på den omvendte graf (scipy.sparse.csgraph). Befolkningens placeringer (rastercellernes midtpunkter eller punkter) knyttes til nærmeste vej, der kan nå et sygehus, inden for den største tilknytningsafstand; den lige adgangsstrækning køres med adgangshastigheden. Med områder er land = foreningen af områderne: en indbygger knyttes kun til veje på samme ø (landdel), og rasteret og polygonerne klippes til land; uden områder bruges ingen landmaske. Ved lige rejsetid vælges det sygehus, der står først på listen. Tidsintervallerne er lukkede til højre: præcis 15,0 minutter hører til 0–15.&lt;br&gt;&lt;br&gt;&lt;b&gt;Standardværdier&lt;/b&gt;: de 21 akutsygehuse, der er indbygget i pluginet (Sundhedsdatastyrelsen, SOR); danske standardhastigheder pr. vejklasse (Færdselsloven §42: 50 km/t i byzone, 80 uden for, 130 på motorveje; tabellen pr. vejklasse står på hjælpesiden); tidsintervaller 15, 30, 45, 60 minutter; tilknytningsafstand 1.000 m; adgangshastighed 30 km/t.&lt;br&gt;&lt;br&gt;&lt;b&gt;Resultater&lt;/b&gt;: et rejsetidsraster (minutter, ingen data hvor der ikke er forbindelse eller uden for land), optageområder som polygoner med sygehusets eget id, befolkning og gennemsnitlig/maksimal rejsetid i minutter, polygoner for tidsintervallerne med befolkning og en klasse &apos;ikke nået&apos;, en områdetabel (befolkning, gennemsnit, median, 90. percentil og maksimum i minutter, befolkning og andel uden for hvert tidsinterval, det primære sygehus, pop_unsnapped, pop_unreachable og share_not_reached) og en kørselsrapport (JSON og tekst) med parametre, versioner, vejnettets størrelse, dækning og hvad der ikke kunne tilknyttes og hvorfor. Gennemsnit, median, 90. percentil og maksimum i minutter gælder de nåede indbyggere; indbyggere, der ikke nås, tælles for sig, og loggen advarer, når mere end NOT_REACHED_WARNING_PCT % ikke nås. Befolkningen bevares: tidsintervaller + ikke nået = samlet input.&lt;br&gt;&lt;br&gt;&lt;b&gt;Sygehus-id&apos;er&lt;/b&gt;: HOSPITAL_ID_FIELD (standard: hospital_id for de indbyggede akutsygehuse; for dit eget lag uden feltet objekt-id&apos;et) føres uændret over i resultaterne og rapporten.</translation>
    </message>
    <message>
        <location filename="../processing/catchments.py" line="77"/>
        <source>Travel time to the nearest akutsygehus (minutes)</source>
        <translation>Rejsetid til nærmeste akutsygehus (minutter)</translation>
    </message>
    <message>
        <location filename="../processing/catchments.py" line="82"/>
        <source>Catchments (optageområder)</source>
        <translation>Optageområder</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="50"/>
        <source>Access to practices, 2SFCA (Tilgængelighed til praksis)</source>
        <translation>Tilgængelighed til praksis (2SFCA)</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="53"/>
        <source>&lt;b&gt;With no road network&lt;/b&gt;: the tool routes on the embedded national main-road network (OpenStreetMap 2021; &apos;oversigt: kun hovedveje&apos;) unless the straight-line fallback is chosen.</source>
        <translation>&lt;b&gt;Uden vejnet&lt;/b&gt;: værktøjet beregner ruter på det indlejrede nationale hovedvejnet (OpenStreetMap 2021; &apos;oversigt: kun hovedveje&apos;), medmindre reserveløsningen i lige linje er valgt.</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="66"/>
        <source>Spatial accessibility to practices with the two-step floating catchment area family: how many GPs (or specialists) residents can reach within the catchment threshold, competing with everyone else who can reach them.&lt;br&gt;&lt;br&gt;&lt;b&gt;Method&lt;/b&gt;: step 1, each practice&apos;s ratio R = capacity / (weighted) demand within the threshold; step 2, each location&apos;s accessibility = sum of the (weighted) ratios of the practices it reaches, shown as GPs per 10 000 residents. Variants: 2SFCA (step, Luo &amp; Wang 2003), E2SFCA (zones in thirds of the threshold with weights 1.00 / 0.68 / 0.22, Luo &amp; Qi 2009), Gaussian decay (Dai 2010). The threshold is inclusive: a home exactly at the threshold is inside. Travel times run home → practice over the road network (homes and practices snapped to the nearest road within the maximum snap distance, access legs at the access speed). Without a network, tick the straight-line fallback: distance × detour factor (default 1.4: KL 2016, 20 km by road vs 14 km straight line) at 60 km/h; every output says which was used.&lt;br&gt;&lt;b&gt;Demand&lt;/b&gt;: a population raster or points/polygons, optionally need-weighted with the age/sex columns of the areas. &lt;b&gt;Supply&lt;/b&gt;: practices with capacity; a specialty filter makes the same tool serve specialist practices.&lt;br&gt;&lt;b&gt;Outputs&lt;/b&gt;: accessibility per demand location, per area (population-weighted mean of reached residents, share of residents below the low-access level, default 6.25 per 10 000 = 1 GP per 1 600) and the supply-to-demand ratio per practice; a run report with conservation check (Σ accessibility × demand = capacity of practices reaching anyone).&lt;br&gt;&lt;b&gt;Residents not reached&lt;/b&gt;: a home with no practice within the threshold has accessibility 0 (a result). A home with no road within the maximum snap distance (unsnapped) or by a road whose network part holds no practice (unreachable) is not placed on the network: no accessibility (NULL), left out of every mean, and counted per area in pop_unsnapped, pop_unreachable and share_not_reached; the log warns, naming the worst areas, when more than the warning share (default 1 %) is not reached. When no practice lies within the snap distance of a road, the run stops.</source>
        <translation>Geografisk tilgængelighed til praksis med 2SFCA-familien (two-step floating catchment area): hvor mange praktiserende læger (eller speciallæger) indbyggerne kan nå inden for tærsklen for optageområdet, i konkurrence med alle andre, der kan nå dem.&lt;br&gt;&lt;br&gt;&lt;b&gt;Metode&lt;/b&gt;: trin 1, hver praksis&apos; forhold R = kapacitet / (vægtet) efterspørgsel inden for tærsklen; trin 2, hvert steds tilgængelighed = summen af de (vægtede) forhold for de praksis, det kan nå, vist som læger pr. 10.000 indbyggere. Varianter: 2SFCA (trinfunktion, Luo &amp; Wang 2003), E2SFCA (zoner i tredjedele af tærsklen med vægtene 1,00 / 0,68 / 0,22, Luo &amp; Qi 2009), gaussisk aftagning (Dai 2010). Tærsklen er inklusiv: en bopæl præcis ved tærsklen er med. Rejsetiderne regnes bopæl → praksis via vejnettet (bopæle og praksis knyttes til nærmeste vej inden for den største tilknytningsafstand, adgangsstrækninger med adgangshastigheden). Uden vejnet sættes flueben ved nødløsningen i fugleflugt: afstand × omvejsfaktor (standard 1,4: KL 2016, 20 km ad vej mod 14 km i fugleflugt) ved 60 km/t; hvert resultat angiver, hvilken metode der er brugt.&lt;br&gt;&lt;b&gt;Efterspørgsel&lt;/b&gt;: et befolkningsraster eller punkter/polygoner, eventuelt behovsvægtet med områdernes alders-/kønskolonner. &lt;b&gt;Udbud&lt;/b&gt;: praksis med kapacitet; med et filter på speciale kan samme værktøj bruges til speciallægepraksis.&lt;br&gt;&lt;b&gt;Resultater&lt;/b&gt;: tilgængelighed pr. efterspørgselssted, pr. område (befolkningsvægtet gennemsnit af de nåede indbyggere, andel af indbyggerne under niveauet for lav tilgængelighed, standard 6,25 pr. 10.000 = 1 læge pr. 1.600) og forholdet mellem udbud og efterspørgsel pr. praksis; en kørselsrapport med bevarelseskontrol (Σ tilgængelighed × efterspørgsel = kapaciteten i de praksis, der når nogen).&lt;br&gt;&lt;b&gt;Indbyggere, der ikke nås&lt;/b&gt;: en bopæl uden praksis inden for tærsklen har tilgængelighed 0 (et resultat). En bopæl uden vej inden for den største tilknytningsafstand (ikke tilknyttet) eller ved en vej, hvis del af vejnettet ingen praksis har (uden forbindelse), placeres ikke på vejnettet: ingen tilgængelighed (NULL), udeladt af alle gennemsnit og talt pr. område i pop_unsnapped, pop_unreachable og share_not_reached; loggen advarer og nævner de værst ramte områder, når mere end advarselsandelen (standard 1 %) ikke nås. Ligger ingen praksis inden for tilknytningsafstanden af en vej, stopper kørslen.</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="100"/>
        <source>Demand: population raster (persons per cell)</source>
        <translation>Efterspørgsel: befolkningsraster (personer pr. celle)</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="104"/>
        <source>Areas for the summary and need factors, e.g. kommuner</source>
        <translation>Områder til opsummering og behovsfaktorer, fx kommuner</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="106"/>
        <source>Method</source>
        <translation>Metode</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="107"/>
        <source>Catchment threshold (minutes, inclusive)</source>
        <translation>Tærskel for optageområdet (minutter, inklusiv)</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="109"/>
        <source>E2SFCA zone limits (minutes; empty = thirds of the threshold)</source>
        <translation>E2SFCA-zonegrænser (minutter; tomt = tredjedele af tærsklen)</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="114"/>
        <source>E2SFCA zone weights</source>
        <translation>E2SFCA-zonevægte</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="117"/>
        <source>Low access below (GPs per 10 000 residents)</source>
        <translation>Lav tilgængelighed under (læger pr. 10.000 indbyggere)</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="122"/>
        <source>No network: use the straight-line fallback (labelled)</source>
        <translation>Intet vejnet: brug nødløsningen i fugleflugt (markeret)</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="126"/>
        <source>Straight-line fallback: detour factor</source>
        <translation>Nødløsning i fugleflugt: omvejsfaktor</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="128"/>
        <source>Straight-line fallback: speed (km/h)</source>
        <translation>Nødløsning i fugleflugt: hastighed (km/t)</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="131"/>
        <source>Practices per shortest-path batch (memory ∝ batch × nodes)</source>
        <translation>Praksis pr. portion af korteste veje (hukommelse ∝ portion × knuder)</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="133"/>
        <source>Parallel processes for the shortest paths (started as new Python processes; 1 = off, 0 = automatic: one per core)</source>
        <translation>Parallelle processer til de korteste veje (startes som nye Python-processer; 1 = fra, 0 = automatisk: én pr. kerne)</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="139"/>
        <source>Accessibility per demand location</source>
        <translation>Tilgængelighed pr. efterspørgselssted</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="140"/>
        <location filename="../processing/fca_access.py" line="236"/>
        <source>Accessibility per area</source>
        <translation>Tilgængelighed pr. område</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="141"/>
        <source>Supply-to-demand ratio per practice</source>
        <translation>Forhold mellem udbud og efterspørgsel pr. praksis</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="181"/>
        <source>Reading practices and demand</source>
        <translation>Læser praksis og efterspørgsel</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="223"/>
        <source>Travel times within the catchment</source>
        <translation>Rejsetider inden for optageområdet</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="234"/>
        <source>Accessibility (GPs per 10 000)</source>
        <translation>Tilgængelighed (læger pr. 10.000)</translation>
    </message>
    <message>
        <location filename="../processing/fca_access.py" line="251"/>
        <location filename="../processing/gp_density.py" line="158"/>
        <location filename="../sundplan_qgis/catchments.py" line="411"/>
        <location filename="../sundplan_qgis/location_allocation.py" line="756"/>
        <source>Done</source>
        <translation>Færdig</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="29"/>
        <source>Fetch OpenStreetMap Denmark (Geofabrik, several hundred MB)</source>
        <translation>Hent OpenStreetMap Danmark (Geofabrik, flere hundrede MB)</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="36"/>
        <source>Fetch population by kommune, sex and age (FOLK1A, latest quarter)</source>
        <translation>Hent befolkning pr. kommune, køn og alder (FOLK1A, seneste kvartal)</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="43"/>
        <source>Fetch the newest kommune population projection (FRKM1yy)</source>
        <translation>Hent den nyeste befolkningsfremskrivning for kommuner (FRKM1yy)</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="59"/>
        <source>Fetch base data (OpenStreetMap, Danmarks Statistik)</source>
        <translation>Hent grunddata (OpenStreetMap, Danmarks Statistik)</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="65"/>
        <source>Downloads public base data into a cache folder (by default in the QGIS profile), with progress, cancel and resume:&lt;br&gt;&lt;b&gt;OpenStreetMap Denmark&lt;/b&gt;: &lt;i&gt;denmark-latest.osm.pbf&lt;/i&gt; from Geofabrik, checked against its published md5 checksum; give the file as NETWORK_FILE to the routing tools. © OpenStreetMap-bidragydere, ODbL.&lt;br&gt;&lt;b&gt;Population&lt;/b&gt; (FOLK1A, latest quarter) from Danmarks Statistik&apos;s Statbank API: a table per kommune, sex and 5-year age group, and the 98 kommuner as polygons with the columns m_0_4 … k_85_plus, population and quarter, ready as AREAS or POPULATION_LAYER. Christiansø is counted and reported, not on the layer.&lt;br&gt;&lt;b&gt;Projection&lt;/b&gt;: the newest kommune population projection (FRKM1yy, found in the API&apos;s table list) per kommune, sex, age group and year. Kilde: Danmarks Statistik.&lt;br&gt;A file already in the cache is used without going online (tick &lt;i&gt;Download again&lt;/i&gt; for fresh data); a partial download is resumed, a damaged one fetched again. Tables are semicolon-separated UTF-8 CSV.</source>
        <translation>Henter offentlige grunddata til en cachemappe (som standard i QGIS-profilen), med fremdrift, annullering og genoptagelse:&lt;br&gt;&lt;b&gt;OpenStreetMap Danmark&lt;/b&gt;: &lt;i&gt;denmark-latest.osm.pbf&lt;/i&gt; fra Geofabrik, kontrolleret mod den offentliggjorte md5-kontrolsum; giv filen som NETWORK_FILE til ruteværktøjerne. © OpenStreetMap-bidragydere, ODbL.&lt;br&gt;&lt;b&gt;Befolkning&lt;/b&gt; (FOLK1A, seneste kvartal) fra Danmarks Statistiks Statistikbank-API: en tabel pr. kommune, køn og 5-årsaldersgruppe, og de 98 kommuner som polygoner med kolonnerne m_0_4 … k_85_plus, population og quarter, klar som AREAS eller POPULATION_LAYER. Christiansø tælles og rapporteres, men er ikke på laget.&lt;br&gt;&lt;b&gt;Fremskrivning&lt;/b&gt;: den nyeste befolkningsfremskrivning for kommuner (FRKM1yy, fundet i API&apos;ets tabelliste) pr. kommune, køn, aldersgruppe og år. Kilde: Danmarks Statistik.&lt;br&gt;En fil, der allerede ligger i cachen, bruges uden at gå online (sæt flueben i &lt;i&gt;Hent igen&lt;/i&gt; for friske data); en delvis download genoptages, en beskadiget hentes igen. Tabeller er semikolonseparerede UTF-8 CSV-filer.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="92"/>
        <source>Cache folder</source>
        <translation>Cachemappe</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="100"/>
        <source>Download again even when the cache has the data</source>
        <translation>Hent igen, også når cachen har data</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="104"/>
        <source>Geofabrik folder (URL)</source>
        <translation>Geofabrik-mappe (URL)</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="105"/>
        <source>Statbank API (URL)</source>
        <translation>Statistikbankens API (URL)</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="111"/>
        <source>Give up when a server does not answer for (seconds)</source>
        <translation>Giv op, når en server ikke svarer i (sekunder)</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="122"/>
        <source>Population by kommune, sex and age group (CSV)</source>
        <translation>Befolkning pr. kommune, køn og aldersgruppe (CSV)</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="131"/>
        <source>Kommuner with population by sex and age group</source>
        <translation>Kommuner med befolkning efter køn og aldersgruppe</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="141"/>
        <source>Population projection by kommune, sex, age group and year (CSV)</source>
        <translation>Befolkningsfremskrivning pr. kommune, køn, aldersgruppe og år (CSV)</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="149"/>
        <source>OpenStreetMap Denmark (.osm.pbf)</source>
        <translation>OpenStreetMap Danmark (.osm.pbf)</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="151"/>
        <source>Quarter of the population</source>
        <translation>Befolkningens kvartal</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="153"/>
        <source>Projection table</source>
        <translation>Fremskrivningstabel</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="181"/>
        <source>Cache folder: {cache}</source>
        <translation>Cachemappe: {cache}</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="208"/>
        <source>Kommuner, population {quarter} (FOLK1A, Kilde: Danmarks Statistik)</source>
        <translation>Kommuner, befolkning {quarter} (FOLK1A, Kilde: Danmarks Statistik)</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="213"/>
        <source>FOLK1A {quarter}: {persons:,} persons in the 98 kommuner.</source>
        <translation>FOLK1A {quarter}: {persons:,} personer i de 98 kommuner.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="224"/>
        <source>Projection {table}: years {first}–{last}.</source>
        <translation>Fremskrivning {table}: årene {first}–{last}.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="241"/>
        <source>from the cache, not downloaded</source>
        <translation>fra cachen, ikke hentet</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="243"/>
        <source>downloaded, md5 matches Geofabrik&apos;s checksum</source>
        <translation>hentet, md5 stemmer med Geofabriks kontrolsum</translation>
    </message>
    <message>
        <location filename="../processing/fetch_base_data.py" line="245"/>
        <source>OpenStreetMap Denmark: {path} ({mb:,.1f} MB, {how}).</source>
        <translation>OpenStreetMap Danmark: {path} ({mb:,.1f} MB, {how}).</translation>
    </message>
    <message>
        <location filename="../processing/gp_density.py" line="45"/>
        <source>GP density per kommune (Lægedækning pr. kommune)</source>
        <translation>Lægedækning pr. kommune</translation>
    </message>
    <message>
        <location filename="../processing/gp_density.py" line="49"/>
        <source>GPs per inhabitant per kommune (or any area layer), need-weighted, rolled up to regions, the 2027 regions, sundhedsråd and sundhedsfællesskaber.&lt;br&gt;&lt;br&gt;&lt;b&gt;Inputs&lt;/b&gt;: practices (points; capacity = a field with the number of GPs / lægekapaciteter, or 1 per practice; optional list size and &apos;open for new patients&apos; fields; optional specialty filter); areas with population as a field, as age/sex columns (m_0_4 … k_85_plus) or aggregated from a population raster; need weights.&lt;br&gt;&lt;b&gt;Need weights&lt;/b&gt;: the default almen praksis weights (age and sex, national mean 1 on FOLK1A 2014; sources and derivation in resources/data/README.md) turn the age/sex columns into a need factor per area. The weights used (name and SHA-256) are written into every output.&lt;br&gt;&lt;b&gt;Outputs per area and per grouping unit&lt;/b&gt;: population, need-weighted population, GP capacity, inhabitants per GP, GPs per 10 000, the same need-adjusted, closed practices, list size per GP, rank_shortage (1 = fewest need-adjusted GPs per 10 000) and a shortage flag: need-weighted residents per GP above the threshold (default 1 600 per lægekapacitet, Danmarks Statistik LABY27 documentation) or residents and no GP.&lt;br&gt;&lt;b&gt;National summary&lt;/b&gt; per level: totals, best and worst unit and their ratio, the Gini coefficient of GP capacity against need, and the Lorenz curve points. Practices outside every area are counted in the row &apos;(outside all areas)&apos; and listed, never dropped. Areas with zero population get empty ratios and are reported. Areas whose id is not in the grouping table (Christiansø, 0411, is in no region) form the row &apos;outside the grouping&apos; of every roll-up (field outside_grouping): counted in the totals, left out of rank_shortage, the Gini coefficient, best/worst unit and the shortage counts.</source>
        <translation>Praktiserende læger pr. indbygger pr. kommune (eller et hvilket som helst områdelag), behovsvægtet og samlet op på regioner, regionerne fra 2027, sundhedsråd og sundhedsfællesskaber.&lt;br&gt;&lt;br&gt;&lt;b&gt;Input&lt;/b&gt;: praksis (punkter; kapacitet = et felt med antal læger / lægekapaciteter eller 1 pr. praksis; valgfrie felter for listestørrelse og &apos;åben for tilgang&apos;; valgfrit filter på speciale); områder med befolkning som felt, som alders-/kønskolonner (m_0_4 … k_85_plus) eller summeret fra et befolkningsraster; behovsvægte.&lt;br&gt;&lt;b&gt;Behovsvægte&lt;/b&gt;: standardvægtene for almen praksis (alder og køn, landsgennemsnit 1 på FOLK1A 2014; kilder og udledning i resources/data/README.md) gør alders-/kønskolonnerne til en behovsfaktor pr. område. De anvendte vægte (navn og SHA-256) skrives i alle resultater.&lt;br&gt;&lt;b&gt;Resultater pr. område og pr. gruppeenhed&lt;/b&gt;: befolkning, behovsvægtet befolkning, lægekapacitet, indbyggere pr. læge, læger pr. 10.000, det samme behovsjusteret, lukkede praksis, listestørrelse pr. læge, rank_shortage (1 = færrest behovsjusterede læger pr. 10.000) og en markering af lægemangel: behovsvægtede indbyggere pr. læge over tærsklen (standard 1.600 pr. lægekapacitet, dokumentationen til Danmarks Statistiks LABY27) eller indbyggere uden læge.&lt;br&gt;&lt;b&gt;Landsoversigt&lt;/b&gt; pr. niveau: totaler, bedste og dårligste enhed og forholdet mellem dem, Gini-koefficienten for lægekapacitet mod behov og punkterne på Lorenzkurven. Praksis uden for alle områder tælles i rækken &apos;(uden for alle områder)&apos; og listes, de udelades aldrig. Områder uden befolkning får tomme forholdstal og rapporteres. Områder, hvis id ikke står i grupperingstabellen (Christiansø, 0411, hører ikke til nogen region), udgør rækken &apos;uden for inddeling&apos; i alle opsamlinger (feltet outside_grouping): de tælles med i totalerne, men ikke i rank_shortage, Gini-koefficienten, bedste/dårligste enhed eller antallet af områder med lægemangel.</translation>
    </message>
    <message>
        <location filename="../processing/gp_density.py" line="76"/>
        <source>Areas, e.g. kommuner (default: the 98 embedded kommuner)</source>
        <translation>Områder, fx kommuner (standard: de 98 indlejrede kommuner)</translation>
    </message>
    <message>
        <location filename="../processing/gp_density.py" line="80"/>
        <source>Population field of the areas (empty: sum of age/sex columns or raster)</source>
        <translation>Befolkningsfelt i områderne (tomt: summen af alders-/kønskolonner eller rasteret)</translation>
    </message>
    <message>
        <location filename="../processing/gp_density.py" line="88"/>
        <source>…or a population raster summed per area</source>
        <translation>…eller et befolkningsraster summeret pr. område</translation>
    </message>
    <message>
        <location filename="../processing/gp_density.py" line="96"/>
        <source>Shortage threshold: need-weighted residents per GP (default 1 600, DST LABY27)</source>
        <translation>Tærskel for lægemangel: behovsvægtede indbyggere pr. læge (standard 1.600, DST LABY27)</translation>
    </message>
    <message>
        <location filename="../processing/gp_density.py" line="105"/>
        <location filename="../processing/gp_density.py" line="176"/>
        <source>GP density per area</source>
        <translation>Lægedækning pr. område</translation>
    </message>
    <message>
        <location filename="../processing/gp_density.py" line="106"/>
        <source>GP density per grouping unit</source>
        <translation>Lægedækning pr. gruppeenhed</translation>
    </message>
    <message>
        <location filename="../processing/gp_density.py" line="107"/>
        <source>National summary per level (Gini, spread)</source>
        <translation>Landsoversigt pr. niveau (Gini, spredning)</translation>
    </message>
    <message>
        <location filename="../processing/gp_density.py" line="108"/>
        <source>Lorenz curve points</source>
        <translation>Punkter på Lorenzkurven</translation>
    </message>
    <message>
        <location filename="../processing/gp_density.py" line="114"/>
        <source>Practices outside every area</source>
        <translation>Praksis uden for alle områder</translation>
    </message>
    <message>
        <location filename="../processing/gp_density.py" line="130"/>
        <source>Reading practices</source>
        <translation>Læser praksis</translation>
    </message>
    <message>
        <location filename="../processing/gp_density.py" line="148"/>
        <source>Reading areas</source>
        <translation>Læser områder</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="49"/>
        <source>Where to add capacity (Placering af ny kapacitet)</source>
        <translation>Placering af ny kapacitet</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="53"/>
        <source>&lt;b&gt;With no inputs&lt;/b&gt;: no road network = the embedded national main-road network (OpenStreetMap 2021); no residents = the embedded kommuner&apos;s population (FOLK1A), placed along the roads; no areas = the embedded kommuner; no candidates = a grid of candidate points on the roads every grid spacing metres. Every output says so.</source>
        <translation>&lt;b&gt;Uden input&lt;/b&gt;: intet vejnet = det indlejrede nationale hovedvejnet (OpenStreetMap 2021); ingen indbyggere = de indlejrede kommuners befolkning (FOLK1A), placeret langs vejene; ingen områder = de indlejrede kommuner; ingen kandidater = et gitter af kandidatpunkter på vejene for hver gitterafstand i meter. Hvert output siger det.</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="59"/>
        <source>Chooses k sites for new practices or clinics among candidate points, on travel times over the road network, with today&apos;s sites (optional) kept open.&lt;br&gt;&lt;br&gt;&lt;b&gt;Objectives&lt;/b&gt;: MCLP, the most residents (optionally need-weighted) within the time limit of a site; p-median, the least population-weighted travel time to the nearest site (a time beyond the limit counts as the limit; those residents are counted as beyond reach).&lt;br&gt;&lt;b&gt;Method&lt;/b&gt;: residents are snapped to the nearest road node and summed per node; one shortest-path search (Dijkstra, limited to the time limit) runs from every candidate and existing site. The choice is solved exactly with the HiGHS mixed-integer solver (scipy) up to the size limit (nonzeros of the model; default 100 000, about 10 s per solve) within the solver time limit; above it, a greedy heuristic adds the site with the largest gain k times. The method used is written into every output, the report and the log.&lt;br&gt;&lt;b&gt;Outputs&lt;/b&gt;: the chosen sites in rank order with their gain (residents covered, or person-minutes saved), the existing sites; per area the share of residents within the limit and their mean time, before and after; the coverage curve for k = 0 … K (exact per k when the exact solver is used); a run report.&lt;br&gt;&lt;b&gt;Residents not placed&lt;/b&gt;: residents with no road within the maximum snap distance are counted per area (pop_unsnapped), never dropped.</source>
        <translation>Vælger k placeringer til nye praksis eller klinikker blandt kandidatpunkter ud fra rejsetider på vejnettet, mens dagens steder (valgfrit) holdes åbne.&lt;br&gt;&lt;br&gt;&lt;b&gt;Mål&lt;/b&gt;: MCLP, flest indbyggere (evt. behovsvægtede) inden for tidsgrænsen fra et sted; p-median, mindst befolkningsvægtet rejsetid til nærmeste sted (en tid over grænsen tælles som grænsen; de indbyggere tælles som uden for rækkevidde).&lt;br&gt;&lt;b&gt;Metode&lt;/b&gt;: indbyggerne knyttes til nærmeste vejknudepunkt og summeres pr. knudepunkt; én korteste-vej-søgning (Dijkstra, begrænset til tidsgrænsen) køres fra hver kandidat og hvert eksisterende sted. Valget løses eksakt med HiGHS-løseren til blandede heltalsprogrammer (scipy) op til størrelsesgrænsen (modellens ikke-nul-elementer; standard 100 000, ca. 10 s pr. løsning) inden for løserens tidsgrænse; derover lægger en grådig heuristik k gange det sted til, der giver størst gevinst. Den anvendte metode skrives i hvert output, i rapporten og i loggen.&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: de valgte steder i rækkefølge med deres gevinst (dækkede indbyggere eller sparede personminutter) og de eksisterende steder; pr. område andelen af indbyggere inden for grænsen og deres middelrejsetid, før og efter; dækningskurven for k = 0 … K (eksakt for hvert k, når den eksakte løser bruges); en kørselsrapport.&lt;br&gt;&lt;b&gt;Indbyggere, der ikke knyttes til vejnettet&lt;/b&gt;: indbyggere uden vej inden for den maksimale tilknytningsafstand tælles pr. område (pop_unsnapped) og udelades aldrig.</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="84"/>
        <source>Candidate sites (points; empty = a grid on the roads)</source>
        <translation>Kandidatsteder (punkter; tom = et gitter på vejene)</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="85"/>
        <source>Existing sites, kept open (points, optional)</source>
        <translation>Eksisterende steder, holdes åbne (punkter, valgfrit)</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="91"/>
        <source>Name field</source>
        <translation>Navnefelt</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="96"/>
        <source>Objective</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="99"/>
        <source>Number of new sites (k)</source>
        <translation>Antal nye steder (k)</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="101"/>
        <source>Time limit (minutes): covered within it (MCLP) / search limit (p-median)</source>
        <translation>Tidsgrænse (minutter): dækket inden for den (MCLP) / søgegrænse (p-median)</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="103"/>
        <source>Grid spacing of candidate points when no candidates are given (m)</source>
        <translation>Gitterafstand for kandidatpunkter, når ingen kandidater er givet (m)</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="107"/>
        <source>Residents: population raster (persons per cell)</source>
        <translation>Indbyggere: befolkningsraster (personer pr. celle)</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="111"/>
        <source>Areas for the before/after table (empty = kommuner)</source>
        <translation>Områder til før/efter-tabellen (tom = kommuner)</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="116"/>
        <source>Exact solver: time limit per solve (s)</source>
        <translation>Eksakt løser: tidsgrænse pr. løsning (s)</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="119"/>
        <source>Exact solver up to this many nonzeros (larger: greedy heuristic)</source>
        <translation>Eksakt løser op til så mange ikke-nul-elementer (større: grådig heuristik)</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="123"/>
        <source>Chosen sites</source>
        <translation>Valgte steder</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="124"/>
        <source>Before and after per area</source>
        <translation>Før og efter pr. område</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="125"/>
        <source>Coverage curve k = 0 … K</source>
        <translation>Dækningskurve k = 0 … K</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="189"/>
        <source>Reading sites and residents</source>
        <translation>Læser steder og indbyggere</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="226"/>
        <source>Method: {method}</source>
        <translation>Metode: {method}</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="232"/>
        <source>New sites</source>
        <translation>Nye steder</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="238"/>
        <source>Share within the time limit, after</source>
        <translation>Andel inden for tidsgrænsen, efter</translation>
    </message>
    <message>
        <location filename="../processing/location_allocation.py" line="240"/>
        <source>Coverage curve</source>
        <translation>Dækningskurve</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="31"/>
        <source>Map report as PDF (Kortrapport)</source>
        <translation>Kortrapport som PDF</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="35"/>
        <source>Makes a print-ready PDF of a sundplan output (travel-time raster, bands, catchments, area summary, scenario change, GP density, 2SFCA access or specialist gaps) for reports and meetings.&lt;br&gt;&lt;br&gt;The layer is drawn in its own style (the style stored in the GeoPackage, else the sundplan style for its kind, or the STYLE you give) over a basemap-free backdrop of the areas: light grey, thin boundaries and names. The page has a title, subtitle, legend, scale bar, north arrow, a method note, the data sources, the date (printing and computing) and an optional organisation name and logo.&lt;br&gt;&lt;br&gt;&lt;b&gt;Atlas&lt;/b&gt;: with an atlas coverage layer (e.g. the kommuner) there is one page per feature, the map zoomed to it and the neighbours faded; the summary table then shows that area&apos;s row(s) (rows whose area lies inside the page&apos;s feature, or whose name matches it for tables without geometry). Without an atlas, one page shows all rows; when they do not fit, the areas with the longest mean travel time are shown and the note says so.&lt;br&gt;&lt;br&gt;&lt;b&gt;Residents not reached&lt;/b&gt;: every page that shows residents has the key figure &quot;Ikke nået: N (x %)&quot; (residents with no road within the snapping distance or with no link to a destination, for the page&apos;s area or all areas) and says that travel times are of reached residents; the numbers come from the columns pop_unsnapped and pop_unreachable of the area table (SUMMARY, the layer itself or the run&apos;s own area table) and are printed as unknown, never as 0, when those columns are missing. Land that a travel-time, band or catchment map leaves blank is hatched and named in the legend. The run report (REPORT) records every figure printed.&lt;br&gt;&lt;br&gt;&lt;b&gt;Templates&lt;/b&gt;: A4/A3, landscape/portrait (resources/layouts/*.qpt, usable in QGIS too), or your own .qpt that keeps the item ids. &lt;b&gt;Language&lt;/b&gt; of the page: Danish (default) or English, independent of the QGIS interface language.&lt;br&gt;&lt;br&gt;&lt;b&gt;Defaults&lt;/b&gt;: title, legend, method note and source line are derived from the kind of output and the provenance recorded in it (parameters, inputs, versions), e.g. the need weights and shortage threshold of a GP density, the 2SFCA method and threshold, the specialty and reference total of specialist gaps, the closed hospitals of a scenario. Per-area outputs (GP density, specialist gaps, 2SFCA per area) are their own summary table; for 2SFCA points and scenario rasters the run&apos;s per-area table is used when it still exists. Synthetic sample data is marked as such on the page. The PDF is written only when everything succeeded.</source>
        <translation>Laver en trykklar PDF af et sundplan-resultat (rejsetidsraster, tidsintervaller, optageområder, områdeopsummering, ændring i et scenarie, lægedækning, 2SFCA-tilgængelighed eller speciallægedækning) til rapporter og møder.&lt;br&gt;&lt;br&gt;Laget tegnes med sin egen stil (stilen gemt i GeoPackage-filen, ellers sundplan-stilen for dens type eller den STYLE, du angiver) oven på en baggrund af områderne uden baggrundskort: lysegrå, tynde grænser og navne. Siden har titel, undertitel, signaturforklaring, målestok, nordpil, en metodenote, datakilderne, datoen (udskrift og beregning) og eventuelt organisationens navn og logo.&lt;br&gt;&lt;br&gt;&lt;b&gt;Atlas&lt;/b&gt;: med et dækningslag til atlas (fx kommunerne) bliver der én side pr. objekt, hvor kortet er zoomet ind på objektet og naboerne er nedtonet; opsummeringstabellen viser så det pågældende områdes række(r) (rækker, hvis område ligger inden for sidens objekt, eller hvis navn passer, for tabeller uden geometri). Uden atlas viser én side alle rækker; når de ikke kan være der, vises områderne med længst gennemsnitlig rejsetid, og noten siger det.&lt;br&gt;&lt;br&gt;&lt;b&gt;Indbyggere, der ikke nås&lt;/b&gt;: hver side, der viser indbyggere, har nøgletallet &quot;Ikke nået: N (x %)&quot; (indbyggere uden vej inden for tilknytningsafstanden eller uden forbindelse til et mål, for sidens område eller alle områder) og siger, at rejsetiderne er af nåede indbyggere; tallene kommer fra kolonnerne pop_unsnapped og pop_unreachable i områdetabellen (SUMMARY, laget selv eller kørslens egen områdetabel) og vises som ukendt, aldrig som 0, når kolonnerne mangler. Land, som et kort over rejsetid, tidsintervaller eller optageområder efterlader tomt, skraveres og navngives i signaturforklaringen. Kørselsrapporten (REPORT) registrerer hvert trykt nøgletal.&lt;br&gt;&lt;br&gt;&lt;b&gt;Skabeloner&lt;/b&gt;: A4/A3, liggende/stående (resources/layouts/*.qpt, kan også bruges i QGIS) eller din egen .qpt, der beholder elementernes id&apos;er. &lt;b&gt;Sprog&lt;/b&gt; på siden: dansk (standard) eller engelsk, uafhængigt af sproget i QGIS.&lt;br&gt;&lt;br&gt;&lt;b&gt;Standardværdier&lt;/b&gt;: titel, signaturforklaring, metodenote og kildelinje udledes af resultatets type og af proveniensen, der er gemt i det (parametre, input, versioner), fx behovsvægtene og grænsen for lægedækningstruede områder ved lægedækning, 2SFCA-metoden og tidsgrænsen, specialet og referencetotalen ved speciallægedækning og de lukkede sygehuse i et scenarie. Resultater pr. område (lægedækning, speciallægedækning, 2SFCA pr. område) er selv opsummeringstabellen; for 2SFCA-punkter og scenarieraster bruges kørslens tabel pr. område, hvis den stadig findes. Syntetiske eksempeldata markeres som sådan på siden. PDF&apos;en skrives kun, når alt er lykkedes.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="77"/>
        <source>Output layer to map (raster or vector)</source>
        <translation>Resultatlag, der skal vises på kortet (raster eller vektor)</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="87"/>
        <source>Style file (.qml) to use instead of the layer&apos;s own style</source>
        <translation>Stilfil (.qml), der bruges i stedet for lagets egen stil</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="95"/>
        <source>Areas drawn as backdrop (e.g. kommuner)</source>
        <translation>Områder tegnet som baggrund (fx kommuner)</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="103"/>
        <source>Backdrop name field (labels)</source>
        <translation>Navnefelt for baggrunden (etiketter)</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="111"/>
        <source>Atlas coverage: one page per feature (e.g. kommuner or regioner)</source>
        <translation>Atlasdækning: én side pr. objekt (fx kommuner eller regioner)</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="119"/>
        <source>Atlas page name field</source>
        <translation>Felt med atlassidens navn</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="127"/>
        <source>Atlas pages only for: a region, region from 2027 or sundhedsråd (name or code, e.g. Region Nordjylland, sundhedsraad:5) or an expression</source>
        <translation>Atlassider kun for: en region, region fra 2027 eller et sundhedsråd (navn eller kode, fx Region Nordjylland, sundhedsraad:5) eller et udtryk</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="137"/>
        <source>Summary table layer (e.g. the area summary)</source>
        <translation>Lag med opsummeringstabel (fx områdeopsummeringen)</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="145"/>
        <source>Summary table fields (default: name, residents, minutes, shares)</source>
        <translation>Felter i opsummeringstabellen (standard: navn, indbyggere, minutter, andele)</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="154"/>
        <source>Points drawn on top with labels (e.g. the hospitals)</source>
        <translation>Punkter tegnet øverst med etiketter (fx sygehusene)</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="162"/>
        <source>Point label field</source>
        <translation>Etiketfelt for punkterne</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="169"/>
        <source>Page</source>
        <translation>Side</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="175"/>
        <location filename="../processing/sundhedsraad_profile.py" line="101"/>
        <source>Language of the page</source>
        <translation>Sidens sprog</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="180"/>
        <source>Title (default: from the kind of output)</source>
        <translation>Titel (standard: efter resultatets type)</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="181"/>
        <source>Subtitle (default: bands, scenario, data)</source>
        <translation>Undertitel (standard: tidsintervaller, scenarie, data)</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="182"/>
        <source>Organisation (top right of the page)</source>
        <translation>Organisation (øverst til højre på siden)</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="183"/>
        <source>Data sources (default: from the output&apos;s provenance)</source>
        <translation>Datakilder (standard: fra resultatets proveniens)</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="184"/>
        <source>Method note (default: from the output&apos;s provenance)</source>
        <translation>Metodenote (standard: fra resultatets proveniens)</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="190"/>
        <source>Logo (SVG or PNG, top right)</source>
        <translation>Logo (SVG eller PNG, øverst til højre)</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="192"/>
        <source>Images (*.svg *.png *.jpg *.jpeg)</source>
        <translation>Billeder (*.svg *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="195"/>
        <source>Own layout template (.qpt with the sundplan item ids; overrides Page)</source>
        <translation>Egen layoutskabelon (.qpt med sundplans element-id&apos;er; tilsidesætter Side)</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="204"/>
        <location filename="../processing/sundhedsraad_profile.py" line="111"/>
        <source>PDF file</source>
        <translation>PDF-fil</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="204"/>
        <location filename="../processing/sundhedsraad_profile.py" line="111"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <location filename="../processing/map_report/algorithm.py" line="207"/>
        <location filename="../processing/sundhedsraad_profile.py" line="127"/>
        <source>Number of pages</source>
        <translation>Antal sider</translation>
    </message>
    <message>
        <location filename="../processing/map_report/atlas.py" line="29"/>
        <source>the file could not be written</source>
        <translation>filen kunne ikke skrives</translation>
    </message>
    <message>
        <location filename="../processing/map_report/atlas.py" line="30"/>
        <source>printing failed</source>
        <translation>udskrivningen mislykkedes</translation>
    </message>
    <message>
        <location filename="../processing/map_report/atlas.py" line="31"/>
        <source>not enough memory</source>
        <translation>ikke nok hukommelse</translation>
    </message>
    <message>
        <location filename="../processing/map_report/atlas.py" line="32"/>
        <source>the atlas could not be prepared</source>
        <translation>atlasset kunne ikke forberedes</translation>
    </message>
    <message>
        <location filename="../processing/map_report/atlas.py" line="33"/>
        <source>cancelled</source>
        <translation>annulleret</translation>
    </message>
    <message>
        <location filename="../processing/map_report/atlas.py" line="90"/>
        <source>Writing the PDF</source>
        <translation>Skriver PDF&apos;en</translation>
    </message>
    <message>
        <location filename="../processing/map_report/atlas.py" line="108"/>
        <source>The atlas coverage layer &apos;{layer}&apos; has no features to print.</source>
        <translation>Atlasdækningslaget &apos;{layer}&apos; har ingen objekter at udskrive.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/atlas.py" line="124"/>
        <source>Could not write the PDF {file}: {error}</source>
        <translation>Kunne ikke skrive PDF&apos;en {file}: {error}</translation>
    </message>
    <message>
        <location filename="../processing/map_report/hospitals.py" line="38"/>
        <source>The hospitals of the run ({source}) could not be opened, so they are not drawn; give them as POINTS.</source>
        <translation>Kørslens sygehuse ({source}) kunne ikke åbnes, så de tegnes ikke; angiv dem som POINTS.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/hospitals.py" line="59"/>
        <source>akutsygehuse</source>
        <translation>akutsygehuse</translation>
    </message>
    <message>
        <location filename="../processing/map_report/layers.py" line="54"/>
        <source>The style {file} could not be applied to &apos;{layer}&apos;: {error}</source>
        <translation>Stilen {file} kunne ikke anvendes på &apos;{layer}&apos;: {error}</translation>
    </message>
    <message>
        <location filename="../processing/map_report/layers.py" line="130"/>
        <source>The style of &apos;{layer}&apos; uses band {band}, but the raster has {count} band(s). Choose the matching sundplan output or another style.</source>
        <translation>Stilen for &apos;{layer}&apos; bruger bånd {band}, men rasteret har {count} bånd. Vælg det tilsvarende sundplan-resultat eller en anden stil.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/layers.py" line="140"/>
        <source>The style of &apos;{layer}&apos; ({style}) needs the field(s) {missing}, which the layer does not have (it has: {available}). Map the sundplan output the style is made for, or give a STYLE that fits this layer.</source>
        <translation>Stilen for &apos;{layer}&apos; ({style}) kræver felt(erne) {missing}, som laget ikke har (det har: {available}). Vis det sundplan-resultat, stilen er lavet til, eller angiv en STYLE, der passer til laget.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/layout.py" line="112"/>
        <source>The layout template {file} does not exist.</source>
        <translation>Layoutskabelonen {file} findes ikke.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/layout.py" line="115"/>
        <source>The layout template {file} is not valid XML.</source>
        <translation>Layoutskabelonen {file} er ikke gyldig XML.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/layout.py" line="119"/>
        <source>The layout template {file} could not be loaded.</source>
        <translation>Layoutskabelonen {file} kunne ikke indlæses.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/layout.py" line="124"/>
        <source>The layout template {file} has no item with the id {ids}.</source>
        <translation>Layoutskabelonen {file} har intet element med id&apos;et {ids}.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/layout.py" line="159"/>
        <source>The logo file {file} does not exist.</source>
        <translation>Logofilen {file} findes ikke.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/not_reached.py" line="176"/>
        <source>Printed on the page: {figure}</source>
        <translation>Trykt på siden: {figure}</translation>
    </message>
    <message>
        <location filename="../processing/map_report/not_reached.py" line="178"/>
        <source>Printed on {n} pages; all areas together: {figure}</source>
        <translation>Trykt på {n} sider; alle områder tilsammen: {figure}</translation>
    </message>
    <message>
        <location filename="../processing/map_report/pdf.py" line="132"/>
        <source>The PDF&apos;s title and author could not be written: {error}</source>
        <translation>PDF&apos;ens titel og forfatter kunne ikke skrives: {error}</translation>
    </message>
    <message>
        <location filename="../processing/map_report/reading.py" line="49"/>
        <source>No layer to map was given (parameter {parameter}).</source>
        <translation>Der blev ikke angivet noget lag at vise på kortet (parameteren {parameter}).</translation>
    </message>
    <message>
        <location filename="../processing/map_report/reading.py" line="53"/>
        <source>The layer to map &apos;{layer}&apos; (parameter {parameter}) has no features{filter}: there is nothing to draw. Choose a sundplan output with features, or change its filter.</source>
        <translation>Laget &apos;{layer}&apos; (parameteren {parameter}) har ingen objekter{filter}: der er intet at tegne. Vælg et sundplan-resultat med objekter, eller ret dets filter.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/reading.py" line="66"/>
        <source>The atlas coverage layer &apos;{layer}&apos; has no features{filter}, so there is no area to make a page for. Choose a layer with areas (e.g. the kommuner), or leave the atlas coverage empty for a single page.</source>
        <translation>Atlassets dækningslag &apos;{layer}&apos; har ingen objekter{filter}, så der er intet område at lave en side for. Vælg et lag med områder (fx kommunerne), eller lad atlassets dækningslag være tomt for én side.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/reading.py" line="78"/>
        <source>ATLAS_SUBSET limits the pages of an atlas: choose the atlas coverage layer (ATLAS_LAYER, e.g. the kommuner), or leave ATLAS_SUBSET empty.</source>
        <translation>ATLAS_SUBSET afgrænser siderne i et atlas: vælg atlassets dækningslag (ATLAS_LAYER, fx kommunerne), eller lad ATLAS_SUBSET være tom.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/reading.py" line="89"/>
        <source>Atlas limited to {subset}: {pages} page(s); {outside} area(s) around it dimmed.</source>
        <translation>Atlas afgrænset til {subset}: {pages} side(r); {outside} område(r) omkring det nedtonet.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/reading.py" line="155"/>
        <source>The file given for {parameter} does not exist: {file}.</source>
        <translation>Filen angivet i {parameter} findes ikke: {file}.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/reading.py" line="174"/>
        <source>The layer given for {parameter} could not be opened: {value}. Check the file path and the layer name after &apos;|layername=&apos;, or leave {parameter} empty.</source>
        <translation>Laget angivet i {parameter} kunne ikke åbnes: {value}. Kontrollér filstien og lagnavnet efter &apos;|layername=&apos;, eller lad {parameter} være tom.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/reading.py" line="182"/>
        <source>The filter of the layer &apos;{layer}&apos; given for {parameter} is not valid: {filter}. Write it as a QGIS expression on the layer&apos;s fields ({fields}), e.g. kommune = &apos;Læsø&apos;.</source>
        <translation>Filteret på laget &apos;{layer}&apos; angivet i {parameter} er ikke gyldigt: {filter}. Skriv det som et QGIS-udtryk på lagets felter ({fields}), fx kommune = &apos;Læsø&apos;.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/reading.py" line="203"/>
        <source>{parameter} is ignored: it names a field of {parent}, which is empty.</source>
        <translation>{parameter} ignoreres: den angiver et felt i {parent}, som er tom.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/reading.py" line="212"/>
        <source>The field &apos;{field}&apos; given for {parameter} is not in the layer &apos;{layer}&apos; ({parent}). Its fields are: {fields}. Choose one of them, or leave {parameter} empty to use the first name-like field.</source>
        <translation>Feltet &apos;{field}&apos; angivet i {parameter} findes ikke i laget &apos;{layer}&apos; ({parent}). Lagets felter er: {fields}. Vælg et af dem, eller lad {parameter} være tom for at bruge det første navnelignende felt.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/reading.py" line="246"/>
        <source> … ({n} more)</source>
        <translation> … ({n} mere)</translation>
    </message>
    <message>
        <location filename="../processing/map_report/reading.py" line="253"/>
        <source> (filter: {filter})</source>
        <translation> (filter: {filter})</translation>
    </message>
    <message>
        <location filename="../processing/map_report/reading.py" line="259"/>
        <source>No PDF file name was given.</source>
        <translation>Der er ikke angivet noget navn til PDF-filen.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/reading.py" line="263"/>
        <source>The PDF file name {file} (OUTPUT) does not end in .pdf; give a name ending in .pdf.</source>
        <translation>PDF-filnavnet {file} (OUTPUT) slutter ikke på .pdf; angiv et navn, der slutter på .pdf.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/reading.py" line="273"/>
        <source>The PDF cannot be written to {file}: {reason}. Choose a folder you can write to.</source>
        <translation>PDF&apos;en kan ikke skrives til {file}: {reason}. Vælg en mappe, du kan skrive i.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/reading.py" line="280"/>
        <source>The PDF destination {file} is a folder; give a file name ending in .pdf.</source>
        <translation>PDF-destinationen {file} er en mappe; angiv et filnavn, der ender på .pdf.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/reading.py" line="293"/>
        <source>The run report (REPORT) and the PDF (OUTPUT) were given the same file {file}; give the report its own name ending in .json.</source>
        <translation>Kørselsrapporten (REPORT) og PDF&apos;en (OUTPUT) har fået samme fil {file}; giv rapporten sit eget navn, der slutter på .json.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/reading.py" line="300"/>
        <source>The run report {file} (REPORT) does not end in .json; give a name ending in .json (a text copy is written beside it).</source>
        <translation>Kørselsrapporten {file} (REPORT) slutter ikke på .json; angiv et navn, der slutter på .json (en tekstudgave skrives ved siden af).</translation>
    </message>
    <message>
        <location filename="../processing/map_report/reading.py" line="313"/>
        <source>The run report cannot be written to {file}. Choose a folder you can write to.</source>
        <translation>Kørselsrapporten kan ikke skrives til {file}. Vælg en mappe, du kan skrive i.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/render.py" line="82"/>
        <source>its style</source>
        <translation>lagets stil</translation>
    </message>
    <message>
        <location filename="../processing/map_report/render.py" line="88"/>
        <source>&apos;{layer}&apos; holds {n} specialties, drawn on top of each other. Map one specialty at a time: filter the layer, e.g. {example}.</source>
        <translation>&apos;{layer}&apos; indeholder {n} specialer, der tegnes oven på hinanden. Vis ét speciale ad gangen: filtrér laget, fx {example}.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/render.py" line="102"/>
        <source>Preparing the page</source>
        <translation>Forbereder siden</translation>
    </message>
    <message>
        <location filename="../processing/map_report/render.py" line="225"/>
        <source>The summary layer &apos;{layer}&apos; has no field(s) {fields} (SUMMARY_FIELDS). Its fields are: {available}.</source>
        <translation>Oversigtslaget &apos;{layer}&apos; har ikke felterne {fields} (SUMMARY_FIELDS). Dets felter er: {available}.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/render.py" line="371"/>
        <location filename="../processing/profile_report/render.py" line="308"/>
        <source>{pages} page(s) written.</source>
        <translation>{pages} side(r) skrevet.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/subset.py" line="85"/>
        <source>The atlas subset &apos;{subset}&apos; leaves no page of the atlas layer &apos;{layer}&apos;. Check the name, code or expression.</source>
        <translation>Atlasafgrænsningen &apos;{subset}&apos; efterlader ingen sider i atlaslaget &apos;{layer}&apos;. Kontrollér navnet, koden eller udtrykket.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/subset.py" line="154"/>
        <source>The atlas subset &apos;{subset}&apos; is neither a region, region from 2027, sundhedsråd or sundhedsfællesskab ({names}, or a code such as sundhedsraad:5) nor a valid QGIS expression: {error}</source>
        <translation>Atlasafgrænsningen &apos;{subset}&apos; er hverken en region, region fra 2027, et sundhedsråd eller et sundhedsfællesskab ({names}, eller en kode som sundhedsraad:5) eller et gyldigt QGIS-udtryk: {error}</translation>
    </message>
    <message>
        <location filename="../processing/map_report/subset.py" line="168"/>
        <source>The atlas subset expression &apos;{subset}&apos; uses fields that the atlas layer &apos;{layer}&apos; does not have: {missing}. Its fields are: {fields}.</source>
        <translation>Atlasafgrænsningens udtryk &apos;{subset}&apos; bruger felter, som atlaslaget &apos;{layer}&apos; ikke har: {missing}. Dets felter er: {fields}.</translation>
    </message>
    <message>
        <location filename="../processing/map_report/subset.py" line="186"/>
        <source>The atlas subset expression &apos;{subset}&apos; fails: {error}</source>
        <translation>Atlasafgrænsningens udtryk &apos;{subset}&apos; fejler: {error}</translation>
    </message>
    <message>
        <location filename="../processing/need_projection.py" line="35"/>
        <source>Population table by kommune, sex, age group and year (CSV, e.g. the projection from fetch_base_data; empty = the embedded FOLK1A 2021)</source>
        <translation>Befolkningstabel efter kommune, køn, aldersgruppe og år (CSV, fx fremskrivningen fra fetch_base_data; tom = den indbyggede FOLK1A 2021)</translation>
    </message>
    <message>
        <location filename="../processing/need_projection.py" line="43"/>
        <source>Base year (empty = the first year of the table)</source>
        <translation>Basisår (tomt = tabellens første år)</translation>
    </message>
    <message>
        <location filename="../processing/need_projection.py" line="87"/>
        <source>Need over time (Behovsfremskrivning)</source>
        <translation>Behov over tid (Behovsfremskrivning)</translation>
    </message>
    <message>
        <location filename="../processing/need_projection.py" line="100"/>
        <source>The need weights (age and sex) applied to every year of a population table: need-weighted residents, a need index and its change from the base year, per kommune and rolled up to sundhedsråd, regions and the regions from 2027.&lt;br&gt;&lt;br&gt;&lt;b&gt;Population table&lt;/b&gt;: a CSV with one row per kommune, sex, age group and year (columns recognised by name: kommunekode or kommune, sex/køn, age_group/alder, year/år/tid, persons/personer/antal; &apos;;&apos; or &apos;,&apos; between fields; kommune codes with or without the leading zero; sex m/k; the 5-year age groups 0_4 … 85_plus), e.g. the projection CSV written by fetch_base_data (Danmarks Statistik&apos;s FRKM table). The log says which columns were recognised. Every year must have all 98 kommuner, both sexes and all 18 age groups: what is missing is named.&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;, one row per area and year: level, area_code (kommunekode, sundhedsraad_id 1-17, regionskode, region_2027_id 1-4), area_name, year, residents, residents_75_plus, share_75_plus (0-1), need_weighted (Σ persons × weight, not rescaled per year, so an older population shows as more need), need_index (need per resident against the whole country in the base year = 100), need_change_pct (change of need_weighted from the base year, %) and base_year. Units are sums of their kommuner. The weights used (name and SHA-256) are written into the table and the report.</source>
        <translation>Behovsvægtene (alder og køn) anvendt på hvert år i en befolkningstabel: behovsvægtede indbyggere, et behovsindeks og dets ændring fra basisåret, pr. kommune og lagt sammen til sundhedsråd, regioner og regionerne fra 2027.&lt;br&gt;&lt;br&gt;&lt;b&gt;Befolkningstabel&lt;/b&gt;: en CSV med én række pr. kommune, køn, aldersgruppe og år (kolonnerne genkendes på navnet: kommunekode eller kommune, sex/køn, age_group/alder, year/år/tid, persons/personer/antal; &apos;;&apos; eller &apos;,&apos; mellem felterne; kommunekoder med eller uden foranstillet nul; køn m/k; 5-års-aldersgrupperne 0_4 … 85_plus), fx fremskrivningen som CSV fra fetch_base_data (Danmarks Statistiks tabel FRKM). Loggen fortæller, hvilke kolonner der blev genkendt. Hvert år skal have alle 98 kommuner, begge køn og alle 18 aldersgrupper: det, der mangler, nævnes.&lt;br&gt;&lt;br&gt;&lt;b&gt;Resultat&lt;/b&gt;, én række pr. område og år: level, area_code (kommunekode, sundhedsraad_id 1-17, regionskode, region_2027_id 1-4), area_name, year, residents, residents_75_plus, share_75_plus (0-1), need_weighted (Σ personer × vægt, ikke omskaleret pr. år, så en ældre befolkning viser sig som større behov), need_index (behov pr. indbygger mod hele landet i basisåret = 100), need_change_pct (ændring af need_weighted fra basisåret, %) og base_year. Enheder er summen af deres kommuner. De anvendte vægte (navn og SHA-256) skrives i tabellen og rapporten.</translation>
    </message>
    <message>
        <location filename="../processing/need_projection.py" line="120"/>
        <source>&lt;b&gt;With no population table&lt;/b&gt;: the embedded population (FOLK1A 2021K1 totals with the 2014K1 age/sex composition), one year. &lt;b&gt;Years&lt;/b&gt; empty: every year of the table; base year empty: its first year.</source>
        <translation>&lt;b&gt;Uden befolkningstabel&lt;/b&gt;: den indbyggede befolkning (FOLK1A 2021K1-totaler med alders- og kønsfordelingen fra 2014K1), ét år. &lt;b&gt;År&lt;/b&gt; tomt: alle tabellens år; basisår tomt: dens første år.</translation>
    </message>
    <message>
        <location filename="../processing/need_projection.py" line="131"/>
        <source>Years (e.g. 2025; 2030 or 2025-2030; empty = every year of the table)</source>
        <translation>År (fx 2025; 2030 eller 2025-2030; tomt = alle tabellens år)</translation>
    </message>
    <message>
        <location filename="../processing/need_projection.py" line="141"/>
        <location filename="../processing/need_projection.py" line="167"/>
        <source>Need per area and year</source>
        <translation>Behov pr. område og år</translation>
    </message>
    <message>
        <location filename="../processing/provider.py" line="51"/>
        <source>Could not load algorithm {entry}: {error}</source>
        <translation>Kunne ikke indlæse algoritmen {entry}: {error}</translation>
    </message>
    <message>
        <location filename="../processing/provider.py" line="85"/>
        <source>Sundplan: health planning for Denmark (travel time, catchments, capacity)</source>
        <translation>Sundplan: sundhedsplanlægning i Danmark (rejsetid, optageområder, kapacitet)</translation>
    </message>
    <message>
        <location filename="../processing/reference_data.py" line="13"/>
        <source>Kommuner</source>
        <translation>Kommuner</translation>
    </message>
    <message>
        <location filename="../processing/reference_data.py" line="16"/>
        <source>Regioner (until 2026)</source>
        <translation>Regioner (indtil 2026)</translation>
    </message>
    <message>
        <location filename="../processing/reference_data.py" line="23"/>
        <source>Regioner from 2027</source>
        <translation>Regioner fra 2027</translation>
    </message>
    <message>
        <location filename="../processing/reference_data.py" line="30"/>
        <source>Sundhedsråd</source>
        <translation>Sundhedsråd</translation>
    </message>
    <message>
        <location filename="../processing/reference_data.py" line="37"/>
        <source>Sundhedsfællesskaber</source>
        <translation>Sundhedsfællesskaber</translation>
    </message>
    <message>
        <location filename="../processing/reference_data.py" line="44"/>
        <source>Kommune grouping (region, sundhedsråd, ...)</source>
        <translation>Kommunernes tilhørsforhold (region, sundhedsråd, ...)</translation>
    </message>
    <message>
        <location filename="../processing/reference_data.py" line="51"/>
        <source>Population by kommune, sex and age group (FOLK1A 2014K1)</source>
        <translation>Befolkning efter kommune, køn og aldersgruppe (FOLK1A 2014K1)</translation>
    </message>
    <message>
        <location filename="../processing/reference_data.py" line="58"/>
        <source>Population by kommune and quarter (FOLK1A 2008K1–2021K1)</source>
        <translation>Befolkning efter kommune og kvartal (FOLK1A 2008K1–2021K1)</translation>
    </message>
    <message>
        <location filename="../processing/reference_data.py" line="71"/>
        <source>Reference data: akutsygehuse, kommuner, regioner, sundhedsråd</source>
        <translation>Referencedata: akutsygehuse, kommuner, regioner, sundhedsråd</translation>
    </message>
    <message>
        <location filename="../processing/reference_data.py" line="77"/>
        <source>Writes the reference data embedded in the plugin, no download needed:&lt;br&gt;&lt;b&gt;Akutsygehuse&lt;/b&gt;: the 21 acute hospitals (fælles akutmodtagelse) as points in ETRS89 / UTM 32N (EPSG:25832), with region, kommune and sundhedsfællesskab.&lt;br&gt;&lt;b&gt;Kommuner&lt;/b&gt;: the 98 kommuner as polygons with region (until 2026 and from 2027), sundhedsråd, sundhedsfællesskab and population (1 January 2021).&lt;br&gt;&lt;b&gt;Regioner&lt;/b&gt;, &lt;b&gt;Regioner from 2027&lt;/b&gt;, &lt;b&gt;Sundhedsråd&lt;/b&gt;, &lt;b&gt;Sundhedsfællesskaber&lt;/b&gt;: one polygon per unit, dissolved from the kommuner.&lt;br&gt;&lt;b&gt;Kommune grouping&lt;/b&gt;: a table with one row per kommune and the larger units it belongs to, for joining kommune results to regions and sundhedsråd.&lt;br&gt;&lt;b&gt;Population&lt;/b&gt; (FOLK1A, Kilde: Danmarks Statistik): persons per kommune by sex and 5-year age group (m_0_4 … k_85_plus, the columns the need weights read) for 2014K1, the latest quarter with age and sex embedded, and persons per kommune and quarter 2008K1–2021K1; every row states its quarter.&lt;br&gt;Polygons are in EPSG:25832, generalised (DAGI 2021 via Dataforsyningen, simplified by dagir) with borders shared exactly between neighbours; fine for maps and as areas, not for exact boundary work. Christiansø is not a kommune and is in none of the layers. The layers are optional outputs: leave one empty to skip it.</source>
        <translation>Skriver referencedata, der er indbygget i pluginet, uden download:&lt;br&gt;&lt;b&gt;Akutsygehuse&lt;/b&gt;: de 21 akutsygehuse (fælles akutmodtagelse) som punkter i ETRS89 / UTM 32N (EPSG:25832) med region, kommune og sundhedsfællesskab.&lt;br&gt;&lt;b&gt;Kommuner&lt;/b&gt;: de 98 kommuner som polygoner med region (indtil 2026 og fra 2027), sundhedsråd, sundhedsfællesskab og indbyggere (1. januar 2021).&lt;br&gt;&lt;b&gt;Regioner&lt;/b&gt;, &lt;b&gt;Regioner fra 2027&lt;/b&gt;, &lt;b&gt;Sundhedsråd&lt;/b&gt;, &lt;b&gt;Sundhedsfællesskaber&lt;/b&gt;: én polygon pr. enhed, sammenlagt af kommunerne.&lt;br&gt;&lt;b&gt;Kommunernes tilhørsforhold&lt;/b&gt;: en tabel med én række pr. kommune og de større enheder, den hører til, så kommuneresultater kan kobles til regioner og sundhedsråd.&lt;br&gt;&lt;b&gt;Befolkning&lt;/b&gt; (FOLK1A, Kilde: Danmarks Statistik): personer pr. kommune efter køn og 5-års aldersgruppe (m_0_4 … k_85_plus, de kolonner behovsvægtene læser) for 2014K1, det seneste kvartal med alder og køn i pluginnet, og personer pr. kommune og kvartal 2008K1–2021K1; hver række angiver sit kvartal.&lt;br&gt;Polygonerne er i EPSG:25832, generaliserede (DAGI 2021 via Dataforsyningen, forenklet af dagir), og nabokommuner deler grænser nøjagtigt; egnede til kort og som områder, ikke til præcist grænsearbejde. Christiansø er ikke en kommune og indgår ikke i lagene. Lagene er valgfrie resultater: lad et være tomt for at springe det over.</translation>
    </message>
    <message>
        <location filename="../processing/reference_data.py" line="103"/>
        <location filename="../processing/reference_data.py" line="128"/>
        <source>Akutsygehuse</source>
        <translation>Akutsygehuse</translation>
    </message>
    <message>
        <location filename="../processing/sample_data.py" line="21"/>
        <source>Sample kommuner</source>
        <translation>Eksempelkommuner</translation>
    </message>
    <message>
        <location filename="../processing/sample_data.py" line="22"/>
        <source>Sample roads</source>
        <translation>Eksempelveje</translation>
    </message>
    <message>
        <location filename="../processing/sample_data.py" line="23"/>
        <source>Sample GP practices</source>
        <translation>Eksempler på lægepraksis</translation>
    </message>
    <message>
        <location filename="../processing/sample_data.py" line="24"/>
        <source>Sample specialists</source>
        <translation>Eksempler på speciallæger</translation>
    </message>
    <message>
        <location filename="../processing/sample_data.py" line="25"/>
        <source>Sample hospitals</source>
        <translation>Eksempelsygehuse</translation>
    </message>
    <message>
        <location filename="../processing/sample_data.py" line="29"/>
        <source>Sample GeoPackage</source>
        <translation>Eksempel-GeoPackage</translation>
    </message>
    <message>
        <location filename="../processing/sample_data.py" line="30"/>
        <source>Sample roads as OSM XML</source>
        <translation>Eksempelveje som OSM XML</translation>
    </message>
    <message>
        <location filename="../processing/sample_data.py" line="31"/>
        <source>Sample roads as OSM PBF</source>
        <translation>Eksempelveje som OSM PBF</translation>
    </message>
    <message>
        <location filename="../processing/sample_data.py" line="32"/>
        <source>README of the sample data</source>
        <translation>README til eksempeldata</translation>
    </message>
    <message>
        <location filename="../processing/sample_data.py" line="40"/>
        <source>Synthetic sample region</source>
        <translation>Syntetisk eksempelregion</translation>
    </message>
    <message>
        <location filename="../processing/sample_data.py" line="44"/>
        <source>Writes a small FICTIONAL region (60 km × 60 km in EPSG:25832) to try every Sundplan tool without downloading anything: roads with classes, speeds, one-way streets and a ferry to an island; a population raster (100 m cells); hospitals, GP practices and specialists; and fictional kommuner with population by age and sex.&lt;br&gt;Everything is synthetic and marked as such (a &lt;i&gt;synthetic&lt;/i&gt; field, layer descriptions and a README). The same &lt;b&gt;seed&lt;/b&gt; always gives the same data.&lt;br&gt;Output: &lt;i&gt;sample_region.gpkg&lt;/i&gt;, &lt;i&gt;population.tif&lt;/i&gt;, &lt;i&gt;roads.osm&lt;/i&gt; (and &lt;i&gt;roads.osm.pbf&lt;/i&gt; when pyosmium is installed) and &lt;i&gt;README.txt&lt;/i&gt; in the output folder.</source>
        <translation>Skriver en lille FIKTIV region (60 km × 60 km i EPSG:25832), så alle Sundplan-værktøjer kan afprøves uden at hente noget: veje med vejklasser, hastigheder, ensrettede gader og en færge til en ø; et befolkningsraster (celler på 100 m); sygehuse, lægepraksis og speciallæger; og fiktive kommuner med befolkning efter alder og køn.&lt;br&gt;Alt er syntetisk og markeret som sådan (et &lt;i&gt;synthetic&lt;/i&gt;-felt, lagbeskrivelser og en README). Samme &lt;b&gt;seed&lt;/b&gt; giver altid de samme data.&lt;br&gt;Resultat: &lt;i&gt;sample_region.gpkg&lt;/i&gt;, &lt;i&gt;population.tif&lt;/i&gt;, &lt;i&gt;roads.osm&lt;/i&gt; (og &lt;i&gt;roads.osm.pbf&lt;/i&gt;, når pyosmium er installeret) og &lt;i&gt;README.txt&lt;/i&gt; i resultatmappen.</translation>
    </message>
    <message>
        <location filename="../processing/sample_data.py" line="62"/>
        <source>Random seed</source>
        <translation>Tilfældigt seed</translation>
    </message>
    <message>
        <location filename="../processing/sample_data.py" line="70"/>
        <source>Output folder</source>
        <translation>Resultatmappe</translation>
    </message>
    <message>
        <location filename="../processing/sample_data.py" line="75"/>
        <location filename="../processing/sample_data.py" line="108"/>
        <source>Sample population raster</source>
        <translation>Eksempel på befolkningsraster</translation>
    </message>
    <message>
        <location filename="../processing/sample_data.py" line="88"/>
        <source>Generating the synthetic sample region (seed {seed})</source>
        <translation>Danner den syntetiske eksempelregion (seed {seed})</translation>
    </message>
    <message>
        <location filename="../processing/sample_data.py" line="97"/>
        <source>Loading the layers</source>
        <translation>Indlæser lagene</translation>
    </message>
    <message>
        <location filename="../processing/sample_data.py" line="114"/>
        <source>Synthetic sample region, seed {seed}: {roads} road lines, {hospitals} hospitals, {gps} GP practices, {kommuner} kommuner, {population} residents.</source>
        <translation>Syntetisk eksempelregion, seed {seed}: {roads} vejlinjer, {hospitals} sygehuse, {gps} lægepraksis, {kommuner} kommuner, {population} indbyggere.</translation>
    </message>
    <message>
        <location filename="../processing/specialist_gaps.py" line="49"/>
        <source>Specialist-practice gaps against need (Speciallægedækning mod behov)</source>
        <translation>Speciallægedækning mod behov</translation>
    </message>
    <message>
        <location filename="../processing/specialist_gaps.py" line="64"/>
        <source>Compares, per specialty and area, today&apos;s specialist capacity (ydernumre) with a need-based fair share, and shows what it would take to close the gap.&lt;br&gt;&lt;br&gt;&lt;b&gt;Inputs&lt;/b&gt;: specialist practices as points (specialty field; capacity field, default 1 per practice) or a table of capacity per area and specialty; areas with population by age and sex (columns m_0_4, k_0_4 … m_85_plus, k_85_plus, or a &apos;population&apos; column), as polygons or a table; optionally a grouping into regions, sundhedsråd (embedded, by kommunekode) or your own grouping table; need weights per specialty (shipped defaults, none, or your CSV); the reference total per specialty: today&apos;s capacity (default) or a planned total (&apos;Dermato-venerologi=60; Reumatologi=50&apos;). Specialty names may be Danish, English or common aliases (hudlæge, øjenlæge, ENT …).&lt;br&gt;&lt;br&gt;&lt;b&gt;Method&lt;/b&gt;: need-weighted population = Σ persons × weight, scaled so its total equals the total population. Fair share = reference total × the area&apos;s share of need. Gap = capacity − fair share; ratio = capacity / fair share; classes under- / over-supplied at your thresholds (default 0.8 and 1.25). Per specialty: the highest to lowest capacity per 100 000 need-weighted inhabitants, a Gini coefficient of capacity against need, and the index of dissimilarity (the share of capacity that would have to move) with the number of capacities it means. The relocation plan is a transport problem solved with scipy/HiGHS: moves from over- to under-supplied areas reaching the fair shares with the least capacity × km between area centres; with today&apos;s total it moves exactly dissimilarity × capacity. A planned total adds &apos;new&apos; (or &apos;withdraw&apos;) rows for the difference.&lt;br&gt;&lt;br&gt;&lt;b&gt;Optional network part&lt;/b&gt;: with a road network and resident locations (raster or points), the population beyond a travel time (default 60 minutes) from the nearest practice of each specialty, per area, as a share of reached residents. Residents with no road within the snap distance (pop_unsnapped) or by a road that leads to no practice of the specialty (pop_unreachable) are counted apart (share_not_reached), and the log warns when more than the warning share (default 1 %) is not reached.&lt;br&gt;&lt;br&gt;Practices outside all areas are reported and not counted; areas without population get fair share 0. Areas whose id is not in the grouping (Christiansø, 0411, is in no region) form the row &apos;outside the grouping&apos;: shown, but without a fair share and left out of Gini, dissimilarity, classes and relocations. Capacities must be numbers ≥ 0, and not 0 everywhere. Relocation centres lie inside their area (population-weighted for grouping units). Defaults and sources: resources/data/README.md.</source>
        <translation>Sammenligner pr. speciale og område dagens speciallægekapacitet (ydernumre) med en behovsbestemt rimelig andel og viser, hvad der skal til for at lukke forskellen.&lt;br&gt;&lt;br&gt;&lt;b&gt;Input&lt;/b&gt;: speciallægepraksis som punkter (specialefelt; kapacitetsfelt, standard 1 pr. praksis) eller en tabel med kapacitet pr. område og speciale; områder med befolkning efter alder og køn (kolonnerne m_0_4, k_0_4 … m_85_plus, k_85_plus eller en kolonne &apos;population&apos;) som polygoner eller tabel; eventuelt en gruppering i regioner, sundhedsråd (indbygget, via kommunekode) eller din egen grupperingstabel; behovsvægte pr. speciale (medfølgende standardvægte, ingen eller din CSV); referencetotalen pr. speciale: dagens kapacitet (standard) eller en planlagt total (&apos;Dermato-venerologi=60; Reumatologi=50&apos;). Specialenavne kan være danske, engelske eller almindelige kaldenavne (hudlæge, øjenlæge, ENT …).&lt;br&gt;&lt;br&gt;&lt;b&gt;Metode&lt;/b&gt;: behovsvægtet befolkning = Σ personer × vægt, skaleret så totalen svarer til den samlede befolkning. Rimelig andel = referencetotal × områdets andel af behovet. Forskel = kapacitet − rimelig andel; forholdstal = kapacitet / rimelig andel; klasserne under- / overforsynet ved dine tærskler (standard 0,8 og 1,25). Pr. speciale: højeste til laveste kapacitet pr. 100.000 behovsvægtede indbyggere, en Gini-koefficient for kapacitet mod behov og dissimilaritetsindekset (den andel af kapaciteten, der skulle flyttes) med det antal kapaciteter, det svarer til. Flytteplanen er et transportproblem løst med scipy/HiGHS: flytninger fra over- til underforsynede områder, der når de rimelige andele med mindst mulig kapacitet × km mellem områdernes midtpunkter; med dagens total flyttes præcis dissimilaritet × kapacitet. En planlagt total tilføjer rækker med &apos;new&apos; (eller &apos;withdraw&apos;) for forskellen.&lt;br&gt;&lt;br&gt;&lt;b&gt;Valgfri netværksdel&lt;/b&gt;: med et vejnet og indbyggernes placering (raster eller punkter) beregnes pr. område befolkningen, der bor længere end en rejsetid (standard 60 minutter) fra nærmeste praksis i hvert speciale, som andel af de nåede indbyggere. Indbyggere uden vej inden for tilknytningsafstanden (pop_unsnapped) eller ved en vej uden forbindelse til en praksis i specialet (pop_unreachable) tælles for sig (share_not_reached), og loggen advarer, når mere end advarselsandelen (standard 1 %) ikke nås.&lt;br&gt;&lt;br&gt;Praksis uden for alle områder rapporteres og tælles ikke med; områder uden befolkning får den rimelige andel 0. Områder, hvis id ikke er med i inddelingen (Christiansø, 0411, hører ikke til nogen region), udgør rækken &apos;uden for inddeling&apos;: de vises, men uden rimelig andel og indgår ikke i Gini, dissimilaritet, klasser og flytninger. Kapaciteter skal være tal ≥ 0 og ikke 0 overalt. Flytningernes midtpunkter ligger inden for deres område (befolkningsvægtede for grupperingsenheder). Standardværdier og kilder: resources/data/README.md.</translation>
    </message>
    <message>
        <location filename="../processing/specialist_gaps.py" line="105"/>
        <source>Areas with population by age and sex (polygons or a table; default: the 98 embedded kommuner)</source>
        <translation>Områder med befolkning efter alder og køn (polygoner eller en tabel; standard: de 98 indlejrede kommuner)</translation>
    </message>
    <message>
        <location filename="../processing/specialist_gaps.py" line="116"/>
        <source>Only these specialties (separated by &apos;;&apos;, empty = all found)</source>
        <translation>Kun disse specialer (adskilt af &apos;;&apos;, tomt = alle fundne)</translation>
    </message>
    <message>
        <location filename="../processing/specialist_gaps.py" line="123"/>
        <source>Planned totals (specialty=number; …; empty = today&apos;s national capacity)</source>
        <translation>Planlagte totaler (speciale=antal; …; tomt = dagens landsdækkende kapacitet)</translation>
    </message>
    <message>
        <location filename="../processing/specialist_gaps.py" line="130"/>
        <source>Under-supplied below capacity / fair share</source>
        <translation>Underforsynet under kapacitet / rimelig andel</translation>
    </message>
    <message>
        <location filename="../processing/specialist_gaps.py" line="135"/>
        <source>Over-supplied above capacity / fair share</source>
        <translation>Overforsynet over kapacitet / rimelig andel</translation>
    </message>
    <message>
        <location filename="../processing/specialist_gaps.py" line="147"/>
        <source>Gaps per area and specialty</source>
        <translation>Forskelle pr. område og speciale</translation>
    </message>
    <message>
        <location filename="../processing/specialist_gaps.py" line="148"/>
        <location filename="../processing/specialist_gaps.py" line="234"/>
        <source>Summary per specialty</source>
        <translation>Opsummering pr. speciale</translation>
    </message>
    <message>
        <location filename="../processing/specialist_gaps.py" line="151"/>
        <source>Relocation plan (moves between area centres)</source>
        <translation>Flytteplan (flytninger mellem områdernes midtpunkter)</translation>
    </message>
    <message>
        <location filename="../processing/specialist_gaps.py" line="159"/>
        <source>Population beyond the time limit per area and specialty (network part)</source>
        <translation>Befolkning uden for tidsgrænsen pr. område og speciale (netværksdel)</translation>
    </message>
    <message>
        <location filename="../processing/specialist_gaps.py" line="189"/>
        <source>Reading areas and population</source>
        <translation>Læser områder og befolkning</translation>
    </message>
    <message>
        <location filename="../processing/specialist_gaps.py" line="220"/>
        <source>Specialist gaps</source>
        <translation>Speciallægeforskelle</translation>
    </message>
    <message>
        <location filename="../processing/specialist_gaps.py" line="250"/>
        <source>Relocation plan</source>
        <translation>Flytteplan</translation>
    </message>
    <message>
        <location filename="../processing/sundhedsraad_profile.py" line="44"/>
        <source>Health council profile as PDF (Sundhedsrådsprofil)</source>
        <translation>Sundhedsrådsprofil (PDF)</translation>
    </message>
    <message>
        <location filename="../processing/sundhedsraad_profile.py" line="48"/>
        <source>One page per sundhedsråd (17; or per region, region from 2027 or kommune) for the nærsundhedsplan: residents and the share aged 75+ today and in the target year, travel time to the nearest akutsygehus (mean, 90th percentile, share over 30 minutes, not reached), GP density raw and need-adjusted, the 2SFCA low-access share and the specialist capacity against the need-based share per specialty, each beside the national value, with a small map per indicator (the unit&apos;s kommuner coloured, the surroundings dimmed). The same figures are written as a table (one row per unit and a national row).&lt;br&gt;&lt;br&gt;&lt;b&gt;Inputs&lt;/b&gt; are the outputs of the other tools, never recomputed: the need table (one row per area and year), the area summary of catchments, the areas output of gp_density, the areas output of fca_access and the output of specialist_gaps, per kommune (a table per unit is used as it is). Counts are summed over the unit&apos;s kommuner; shares and densities are ratios of those sums; the mean travel time is weighted by reached residents. A 90th percentile cannot be summed: unless the travel table is per unit, the page shows the highest kommune value, labelled as such.&lt;br&gt;&lt;b&gt;A missing input&lt;/b&gt; leaves its section saying &apos;not computed&apos; on every page and in the log, never a value that looks fine.</source>
        <translation>Én side pr. sundhedsråd (17; eller pr. region, region fra 2027 eller kommune) til nærsundhedsplanen: indbyggere og andelen på 75+ år i dag og i målåret, rejsetid til nærmeste akutsygehus (middel, 90 %-fraktil, andel over 30 minutter, ikke nået), lægedækning rå og behovsjusteret, 2SFCA-andelen med lav adgang og speciallægekapaciteten mod den behovsbaserede andel pr. speciale, hver ved siden af landsværdien, med et lille kort pr. nøgletal (enhedens kommuner farvet, omgivelserne nedtonet). De samme tal skrives som en tabel (én række pr. enhed og en række for hele landet).&lt;br&gt;&lt;br&gt;&lt;b&gt;Input&lt;/b&gt; er de andre værktøjers output, aldrig genberegnet: behovstabellen (én række pr. område og år), områdeoversigten fra catchments, områdeoutputtet fra gp_density, områdeoutputtet fra fca_access og outputtet fra specialist_gaps, pr. kommune (en tabel pr. enhed bruges, som den er). Antal summeres over enhedens kommuner; andele og tætheder er forholdet mellem disse summer; middelrejsetiden vægtes med nåede indbyggere. En 90 %-fraktil kan ikke summeres: medmindre rejsetidstabellen er pr. enhed, viser siden den højeste kommuneværdi, mærket som sådan.&lt;br&gt;&lt;b&gt;Et manglende input&lt;/b&gt; får sit afsnit til at sige &apos;ikke beregnet&apos; på hver side og i loggen, aldrig en værdi, der ser fin ud.</translation>
    </message>
    <message>
        <location filename="../processing/sundhedsraad_profile.py" line="67"/>
        <source>Without a need table today&apos;s residents and 75+ share are the embedded FOLK1A 2021K1 figures (age composition 2014K1) and the target year is printed as not given. Every other section without its input is printed as not computed.</source>
        <translation>Uden behovstabel er dagens indbyggere og 75+-andel de indlejrede FOLK1A 2021K1-tal (alderssammensætning 2014K1), og målåret skrives som ikke angivet. Alle andre afsnit uden deres input skrives som ikke beregnet.</translation>
    </message>
    <message>
        <location filename="../processing/sundhedsraad_profile.py" line="75"/>
        <source>One page per</source>
        <translation>Én side pr.</translation>
    </message>
    <message>
        <location filename="../processing/sundhedsraad_profile.py" line="78"/>
        <source>Need over time table (level, area_code, year, residents …)</source>
        <translation>Tabel med behov over tid (level, area_code, year, residents …)</translation>
    </message>
    <message>
        <location filename="../processing/sundhedsraad_profile.py" line="79"/>
        <source>Travel time per area (area summary of catchments)</source>
        <translation>Rejsetid pr. område (områdeoversigten fra catchments)</translation>
    </message>
    <message>
        <location filename="../processing/sundhedsraad_profile.py" line="80"/>
        <source>GP density per area (areas output of gp_density)</source>
        <translation>Lægedækning pr. område (områdeoutputtet fra gp_density)</translation>
    </message>
    <message>
        <location filename="../processing/sundhedsraad_profile.py" line="81"/>
        <source>2SFCA access per area (areas output of fca_access)</source>
        <translation>2SFCA-adgang pr. område (områdeoutputtet fra fca_access)</translation>
    </message>
    <message>
        <location filename="../processing/sundhedsraad_profile.py" line="82"/>
        <source>Specialist gaps (output of specialist_gaps)</source>
        <translation>Speciallægedækning (outputtet fra specialist_gaps)</translation>
    </message>
    <message>
        <location filename="../processing/sundhedsraad_profile.py" line="92"/>
        <source>Target year (from the need table)</source>
        <translation>Målår (fra behovstabellen)</translation>
    </message>
    <message>
        <location filename="../processing/sundhedsraad_profile.py" line="107"/>
        <source>Organisation (top of the page)</source>
        <translation>Organisation (øverst på siden)</translation>
    </message>
    <message>
        <location filename="../processing/sundhedsraad_profile.py" line="115"/>
        <source>Indicators per unit (table)</source>
        <translation>Nøgletal pr. enhed (tabel)</translation>
    </message>
    <message>
        <location filename="../processing/sundhedsraad_profile.py" line="121"/>
        <source>Specialist capacity per unit and specialty (table)</source>
        <translation>Speciallægekapacitet pr. enhed og speciale (tabel)</translation>
    </message>
    <message>
        <location filename="../processing/sundhedsraad_profile.py" line="182"/>
        <source>Indicators per unit</source>
        <translation>Nøgletal pr. enhed</translation>
    </message>
    <message>
        <location filename="../processing/sundhedsraad_profile.py" line="186"/>
        <source>Specialist capacity per unit and specialty</source>
        <translation>Speciallægekapacitet pr. enhed og speciale</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="53"/>
        <source>need share (not rounded)</source>
        <translation>behovsandel (ikke afrundet)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="54"/>
        <source>need share, whole units by largest remainder</source>
        <translation>behovsandel, hele enheder efter største rest</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="58"/>
        <source>total given</source>
        <translation>angivet total</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="58"/>
        <source>today&apos;s total capacity</source>
        <translation>dagens samlede kapacitet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="162"/>
        <source>The capacity table &apos;{source}&apos; has unit codes that are not {level} codes, names or kommunekoder: {codes} ({n} in all). Use the codes of the level chosen (kommunekode; sundhedsraad_id 1-17; regionskode 1081-1085; region_2027_id 1-4), the units&apos; names, or kommunekoder.</source>
        <translation>Kapacitetstabellen &apos;{source}&apos; har enhedskoder, der ikke er koder for {level}, navne eller kommunekoder: {codes} ({n} i alt). Brug koderne for det valgte niveau (kommunekode; sundhedsraad_id 1-17; regionskode 1081-1085; region_2027_id 1-4), enhedernes navne eller kommunekoder.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="178"/>
        <source>The capacity table &apos;{source}&apos; has capacities that are empty, not numbers or negative: {rows}. Give a number ≥ 0 for every row (or leave the row out).</source>
        <translation>Kapacitetstabellen &apos;{source}&apos; har kapaciteter, der er tomme, ikke tal eller negative: {rows}. Angiv et tal ≥ 0 i hver række (eller udelad rækken).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="235"/>
        <location filename="../sundplan_qgis/projection.py" line="447"/>
        <location filename="../sundplan_qgis/projection.py" line="577"/>
        <source>Unknown level &apos;{level}&apos;. Use {levels}.</source>
        <translation>Ukendt niveau &apos;{level}&apos;. Brug {levels}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="241"/>
        <source>The total to distribute must be a number &gt; 0 (got {total}). Leave it empty to distribute today&apos;s total capacity.</source>
        <translation>Totalen, der skal fordeles, skal være et tal &gt; 0 (fik {total}). Lad den stå tom for at fordele dagens samlede kapacitet.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="246"/>
        <location filename="../sundplan_qgis/projection.py" line="609"/>
        <source>Reading the population table</source>
        <translation>Læser befolkningstabellen</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="251"/>
        <location filename="../sundplan_qgis/run_report.py" line="244"/>
        <source>target year</source>
        <translation>målår</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="251"/>
        <location filename="../sundplan_qgis/run_report.py" line="35"/>
        <source>base year</source>
        <translation>basisår</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="253"/>
        <source>The {what} {year} is not in the population table &apos;{source}&apos;; its years are {years}. Choose one of them, or give a projection table with that year.</source>
        <translation>Året {year} ({what}) findes ikke i befolkningstabellen &apos;{source}&apos;; dens år er {years}. Vælg et af dem, eller angiv en fremskrivning med det år.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="261"/>
        <source>Need-weighted residents per unit</source>
        <translation>Behovsvægtede indbyggere pr. enhed</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="280"/>
        <source>{n} practice(s) lie outside every kommune and are not counted (feature ids {ids}).</source>
        <translation>{n} praksis ligger uden for alle kommuner og tælles ikke med (objekt-id {ids}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="293"/>
        <source>Give today&apos;s capacities: a table of capacity per unit, or the practices as points.</source>
        <translation>Angiv dagens kapaciteter: en tabel med kapacitet pr. enhed eller praksis som punkter.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="302"/>
        <source>{n} unit(s) have no capacity data in &apos;{source}&apos;: {units}. Today&apos;s total would miss them: give their capacity (0 if they have none), or give the TOTAL to distribute.</source>
        <translation>{n} enhed(er) har ingen kapacitetsdata i &apos;{source}&apos;: {units}. Dagens total ville mangle dem: angiv deres kapacitet (0, hvis de ingen har), eller angiv den TOTAL, der skal fordeles.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="312"/>
        <source>Today&apos;s total capacity in &apos;{source}&apos; is 0, so there is nothing to distribute. Give the TOTAL to distribute.</source>
        <translation>Dagens samlede kapacitet i &apos;{source}&apos; er 0, så der er intet at fordele. Angiv den TOTAL, der skal fordeles.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="321"/>
        <source>{n} unit(s) have no capacity data: {units}. Their current capacity and change needed are left empty.</source>
        <translation>{n} enhed(er) har ingen kapacitetsdata: {units}. Deres nuværende kapacitet og nødvendige ændring står tomme.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="329"/>
        <source>Rounding to whole units needs a whole total; the total is {total:g}. Give a whole TOTAL, or switch rounding off.</source>
        <translation>Afrunding til hele enheder kræver en hel total; totalen er {total:g}. Angiv en hel TOTAL, eller slå afrunding fra.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="335"/>
        <source>Fair shares</source>
        <translation>Rimelige andele</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="340"/>
        <source>The population table &apos;{source}&apos; has no residents with need in {year}, so there is no share to distribute by.</source>
        <translation>Befolkningstabellen &apos;{source}&apos; har ingen indbyggere med behov i {year}, så der er ingen andele at fordele efter.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="400"/>
        <source>total × the unit&apos;s share of the need-weighted residents of the country</source>
        <translation>total × enhedens andel af landets behovsvægtede indbyggere</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="403"/>
        <source>largest remainder: whole parts first, the units left to the largest remainders; ties to the larger quota, then the smaller area code</source>
        <translation>største rest: først de hele dele, derefter én til hver af de største rester; ved lighed til den største kvote, derefter til den mindste områdekode</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="408"/>
        <source>none: fair shares are not rounded</source>
        <translation>ingen: de rimelige andele afrundes ikke</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/allocation.py" line="409"/>
        <source>fair share in the target year − current capacity</source>
        <translation>rimelig andel i målåret − nuværende kapacitet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/areas.py" line="17"/>
        <source>(outside all areas)</source>
        <translation>(uden for alle områder)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/atlas_subset.py" line="125"/>
        <source>&apos;{text}&apos; names several areas: {options}. Write the level first, e.g. {example}.</source>
        <translation>&apos;{text}&apos; betegner flere områder: {options}. Skriv niveauet først, fx {example}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchment_tables.py" line="19"/>
        <source>not reached</source>
        <translation>Ikke nået</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchment_tables.py" line="27"/>
        <source>Time bands must be positive minutes, e.g. 15,30,45,60 (got {bands}).</source>
        <translation>Tidsintervallerne skal være positive minuttal, fx 15,30,45,60 (angivet: {bands}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchment_tables.py" line="32"/>
        <source>Time bands must be strictly increasing, e.g. 15,30,45,60 (got {bands}).</source>
        <translation>Tidsintervallerne skal være strengt stigende, fx 15,30,45,60 (angivet: {bands}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchments.py" line="200"/>
        <source>The population input &apos;{layer}&apos; has no populated locations.</source>
        <translation>Befolkningen &apos;{layer}&apos; har ingen beboede steder.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchments.py" line="285"/>
        <source>Summarising catchments, bands and areas</source>
        <translation>Opsummerer optageområder, tidsintervaller og områder</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchments.py" line="320"/>
        <source>Polygonising catchments</source>
        <translation>Laver polygoner af optageområderne</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchments.py" line="324"/>
        <source>Polygonising time bands</source>
        <translation>Laver polygoner af tidsintervallerne</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchments.py" line="330"/>
        <source>Clipping polygons to the land</source>
        <translation>Klipper polygonerne til land</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchments.py" line="349"/>
        <source>multi-source Dijkstra (scipy.sparse.csgraph) on the reversed road graph</source>
        <translation>Dijkstra fra flere kilder (scipy.sparse.csgraph) på det omvendte vejnet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchments.py" line="378"/>
        <source>no road node within the maximum snap distance of {max_snap_m:g} m</source>
        <translation>intet vejknudepunkt inden for den maksimale tilknytningsafstand på {max_snap_m:g} m</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchments.py" line="382"/>
        <source>the nearby roads belong to a part of the network from which no active hospital can be reached (an island without a ferry, a disconnected stub)</source>
        <translation>de nærmeste veje hører til en del af vejnettet, hvorfra intet aktivt akutsygehus kan nås (en ø uden færge, et afskåret vejstykke)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchments.py" line="399"/>
        <source>populated cells only</source>
        <translation>kun celler med beboere</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchments.py" line="405"/>
        <source>equal times go to the hospital listed first</source>
        <translation>ved lige lange rejsetider vælges det akutsygehus, der står først</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchments.py" line="406"/>
        <source>bands closed on the right: exactly 15.0 min is in 0–15</source>
        <translation>tidsintervaller lukkede til højre: præcis 15,0 min hører til 0–15</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchments.py" line="407"/>
        <source>mean, median, P90 and max minutes are of reached residents</source>
        <translation>gennemsnit, median, P90 og maksimum i minutter gælder de nåede indbyggere</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchments.py" line="447"/>
        <source>{n_ids} hospital ids were given for {n} hospitals.</source>
        <translation>Der blev angivet {n_ids} sygehus-id&apos;er for {n} sygehuse.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchments.py" line="452"/>
        <source>Hospital &apos;{hospital}&apos; has no id. Give every hospital an id, or choose no id field to use the feature ids.</source>
        <translation>Sygehuset &apos;{hospital}&apos; har intet id. Giv hvert sygehus et id, eller vælg intet id-felt for at bruge objekt-id&apos;erne.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchments.py" line="461"/>
        <source>The hospital id {id} is used by both &apos;{first}&apos; and &apos;{second}&apos;. Hospital ids must be unique.</source>
        <translation>Sygehus-id&apos;et {id} bruges af både &apos;{first}&apos; og &apos;{second}&apos;. Sygehus-id&apos;er skal være entydige.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchments.py" line="539"/>
        <source>No land mask was used: without areas (e.g. kommuner) access legs may cross the sea, and the raster and polygons may cover sea.</source>
        <translation>Der blev ikke brugt nogen landmaske: uden områder (fx kommuner) kan adgangsstrækninger krydse havet, og rasteret og polygonerne kan dække hav.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/catchments.py" line="554"/>
        <source>land = union of the areas; a location snaps only to road nodes on its own land part; locations off all land snap to the nearest road node; raster cells centred off land are nodata; polygons are clipped to the land</source>
        <translation>land = foreningen af områderne; et sted tilknyttes kun vejknudepunkter på sin egen landdel; steder uden for alt land tilknyttes det nærmeste vejknudepunkt; rasterceller med centrum uden for land er nodata; polygoner beskæres til land</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/coverage.py" line="62"/>
        <source>reached residents only (means, medians, P90 and bands)</source>
        <translation>kun nåede indbyggere (gennemsnit, medianer, P90 og tidsintervaller)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/coverage.py" line="99"/>
        <source>{n:,.0f} residents ({pct:.1f} %) are not reached (more than {limit:g} %): {unsnapped:,.0f} have no road within the snapping distance, {unreachable:,.0f} live by roads that lead to no destination. Travel-time statistics cover reached residents only. Raise the maximum snapping distance, add the missing roads or ferries, or read the per-area columns pop_unsnapped, pop_unreachable and share_not_reached.</source>
        <translation>{n:,.0f} indbyggere ({pct:.1f} %) nås ikke (mere end {limit:g} %): {unsnapped:,.0f} har ingen vej inden for tilknytningsafstanden, {unreachable:,.0f} bor ved veje, der ikke fører til noget mål. Rejsetidsstatistikken dækker kun indbyggere, der nås. Hæv den største afstand ved tilknytning, tilføj de manglende veje eller færger, eller se kolonnerne pop_unsnapped, pop_unreachable og share_not_reached pr. område.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/coverage.py" line="114"/>
        <source>{area} ({n:,.0f}, {pct:.1f} %)</source>
        <translation>{area} ({n:,.0f}, {pct:.1f} %)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/coverage.py" line="122"/>
        <source>{text} Worst areas: {areas}.</source>
        <translation>{text} Værste områder: {areas}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/coverage.py" line="130"/>
        <source>The warning threshold for residents not reached must be a percentage between 0 and 100, not {value}.</source>
        <translation>Advarselsgrænsen for indbyggere, der ikke nås, skal være en procentsats mellem 0 og 100, ikke {value}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="50"/>
        <source>1 600 residents per lægekapacitet: Danmarks Statistik, documentation of table LABY27 &apos;Lægedækning&apos; (borgere pr. lægekapacitet); the legacy closing limit of almen praksis</source>
        <translation>1.600 borgere pr. lægekapacitet: Danmarks Statistik, dokumentationen til tabel LABY27 &apos;Lægedækning&apos; (borgere pr. lægekapacitet); almen praksis&apos; tidligere lukkegrænse</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="58"/>
        <source>all areas</source>
        <translation>alle områder</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="60"/>
        <source>(origin)</source>
        <translation>(begyndelsespunkt)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="63"/>
        <location filename="../sundplan_qgis/run_report.py" line="30"/>
        <location filename="../sundplan_qgis/run_report.py" line="347"/>
        <source>area</source>
        <translation>område</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="64"/>
        <location filename="../sundplan_qgis/profile.py" line="651"/>
        <location filename="../sundplan_qgis/profile.py" line="672"/>
        <location filename="../sundplan_qgis/run_report.py" line="348"/>
        <source>the whole country</source>
        <translation>hele landet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="65"/>
        <location filename="../sundplan_qgis/projection.py" line="58"/>
        <source>region</source>
        <translation>region</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="66"/>
        <location filename="../sundplan_qgis/projection.py" line="59"/>
        <location filename="../sundplan_qgis/run_report.py" line="349"/>
        <source>region from 2027</source>
        <translation>region fra 2027</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="67"/>
        <location filename="../sundplan_qgis/projection.py" line="57"/>
        <source>sundhedsråd</source>
        <translation>sundhedsråd</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="68"/>
        <source>sundhedsfællesskab</source>
        <translation>sundhedsfællesskab</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="84"/>
        <source>&apos;{name}&apos; (feature {fid}: {value})</source>
        <translation>&apos;{name}&apos; (objekt {fid}: {value})</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="92"/>
        <source>{count} practice(s) of &apos;{layer}&apos; have a NULL, zero or negative capacity in &apos;{field}&apos;: {practices}. Each practice needs a capacity &gt; 0 (number of GPs or lægekapaciteter); fix the values or filter those practices out.</source>
        <translation>{count} praksis i &apos;{layer}&apos; har en kapacitet i &apos;{field}&apos;, der er NULL, nul eller negativ: {practices}. Hver praksis skal have en kapacitet &gt; 0 (antal læger eller lægekapaciteter); ret værdierne, eller filtrer de praksis fra.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="142"/>
        <location filename="../sundplan_qgis/run_report.py" line="83"/>
        <source>feature id</source>
        <translation>objekt-id</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="302"/>
        <source>The area layer &apos;{layer}&apos; has no areas.</source>
        <translation>Områdelaget &apos;{layer}&apos; har ingen områder.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="305"/>
        <source>The shortage threshold must be a positive number of residents per GP (got {threshold}).</source>
        <translation>Tærsklen for lægemangel skal være et positivt antal indbyggere pr. læge (angivet: {threshold}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="314"/>
        <source>No population for the areas of &apos;{layer}&apos;: choose a population field, age/sex columns (m_0_4 … k_85_plus) or a population raster/layer.</source>
        <translation>Ingen befolkning for områderne i &apos;{layer}&apos;: vælg et befolkningsfelt, alders-/kønskolonner (m_0_4 … k_85_plus) eller et befolkningsraster/-lag.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="320"/>
        <location filename="../sundplan_qgis/density.py" line="623"/>
        <source>sum of the age/sex columns</source>
        <translation>summen af alders-/kønskolonnerne</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="326"/>
        <source>The population of {count} area(s) of &apos;{layer}&apos; is NULL or negative: {areas}. Fill in the population (0 if nobody lives there).</source>
        <translation>Befolkningen i {count} område(r) i &apos;{layer}&apos; er NULL eller negativ: {areas}. Udfyld befolkningen (0, hvis ingen bor der).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="335"/>
        <source>Need weighting needs population by age (and sex) per area, but the area layer &apos;{layer}&apos; has no age/sex columns (expected m_0_4, k_0_4, …, k_85_plus). Add them or switch need weighting off.</source>
        <translation>Behovsvægtning kræver befolkning efter alder (og køn) pr. område, men områdelaget &apos;{layer}&apos; har ingen alders-/kønskolonner (forventet m_0_4, k_0_4, …, k_85_plus). Tilføj dem, eller slå behovsvægtning fra.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="352"/>
        <source>{count} area(s) of &apos;{layer}&apos; have residents but no one in the age/sex columns, so no need factor: {areas}</source>
        <translation>{count} område(r) i &apos;{layer}&apos; har beboere, men ingen i alders-/kønskolonnerne og dermed ingen behovsfaktor: {areas}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="363"/>
        <source>{n} area(s): the age/sex columns sum to a different head count than the population used; their age structure was applied as a need factor. First: {areas}</source>
        <translation>{n} område(r): alders-/kønskolonnerne summer til et andet antal personer end den anvendte befolkning; deres aldersstruktur er brugt som behovsfaktor. Første: {areas}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="369"/>
        <source>&apos;{name}&apos; {heads:.0f} vs {pop:.0f}</source>
        <translation>&apos;{name}&apos; {heads:.0f} mod {pop:.0f}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="384"/>
        <source>{n} area(s) with zero population (ratios left empty, no division by zero): {areas}</source>
        <translation>{n} område(r) uden befolkning (forholdstal efterladt tomme, ingen division med nul): {areas}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="546"/>
        <source>{n} practice(s) with capacity {capacity:g} lie outside every area (counted in the row &apos;{outside}&apos;): {practices}</source>
        <translation>{n} praksis med kapacitet {capacity:g} ligger uden for alle områder (talt med i rækken &apos;{outside}&apos;): {practices}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="568"/>
        <source>need-weighted residents per GP &gt; threshold, or residents and no GP</source>
        <translation>behovsvægtede indbyggere pr. læge &gt; tærsklen, eller indbyggere og ingen læge</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="571"/>
        <source>rank_shortage 1 = fewest need-adjusted GPs per 10 000 residents; ties share the lowest rank (1, 2, 2, 4)</source>
        <translation>rank_shortage 1 = færrest behovsjusterede læger pr. 10.000 indbyggere; lige værdier deler den laveste rang (1, 2, 2, 4)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="628"/>
        <source>field &apos;{field}&apos;</source>
        <translation>feltet &apos;{field}&apos;</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="630"/>
        <source>Summing the population raster per area</source>
        <translation>Summerer befolkningsrasteret pr. område</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="637"/>
        <source>raster &apos;{raster}&apos; summed per area (cell centres)</source>
        <translation>rasteret &apos;{raster}&apos; summeret pr. område (cellecentre)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="645"/>
        <source>Need weighting chosen but &apos;{layer}&apos; has no age/sex columns (m_0_4 … k_85_plus).</source>
        <translation>Behovsvægtning er valgt, men &apos;{layer}&apos; har ingen alders-/kønskolonner (m_0_4 … k_85_plus).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="659"/>
        <source>Area ids are not kommunekoder: no embedded roll-up.</source>
        <translation>Område-id&apos;erne er ikke kommunekoder: ingen opsamling med den indbyggede tabel.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/density.py" line="660"/>
        <source>Computing GP density</source>
        <translation>Beregner lægedækning</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/dst.py" line="94"/>
        <source>Danmarks Statistik&apos;s table list has no kommune population projection (a table FRKM1yy &apos;Befolkningsfremskrivning 20yy efter kommune, alder og køn&apos;). The list may have changed; please report it.</source>
        <translation>Danmarks Statistiks tabelliste har ingen befolkningsfremskrivning for kommuner (en tabel FRKM1yy &apos;Befolkningsfremskrivning 20yy efter kommune, alder og køn&apos;). Listen kan være ændret; rapportér det venligst.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/dst.py" line="151"/>
        <source>Danmarks Statistik&apos;s description of table {table} is not as expected (missing {column}). The API may have changed; please report it.</source>
        <translation>Danmarks Statistiks beskrivelse af tabel {table} er ikke som forventet ({column} mangler). API&apos;et kan være ændret; rapportér det venligst.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/dst.py" line="164"/>
        <source>Danmarks Statistik&apos;s table {table} has no column {column} (it has: {columns}). The table has changed; please report it.</source>
        <translation>Danmarks Statistiks tabel {table} har ingen kolonne {column} (den har: {columns}). Tabellen er ændret; rapportér det venligst.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/dst.py" line="200"/>
        <source>Danmarks Statistik&apos;s answer for table {table} has no column {column} (it has: {columns}). The table has changed; please report it.</source>
        <translation>Danmarks Statistiks svar for tabel {table} har ingen kolonne {column} (det har: {columns}). Tabellen er ændret; rapportér det venligst.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/dst.py" line="226"/>
        <source>Danmarks Statistik&apos;s answer for table {table} has a value that is not a number in {column}: &apos;{value}&apos;.</source>
        <translation>Danmarks Statistiks svar for tabel {table} har en værdi, der ikke er et tal, i {column}: &apos;{value}&apos;.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/dst.py" line="249"/>
        <source>Danmarks Statistik&apos;s answer for table {table} has a value &apos;{value}&apos; in {column} that the table&apos;s description does not list.</source>
        <translation>Danmarks Statistiks svar for tabel {table} har en værdi &apos;{value}&apos; i {column}, som tabellens beskrivelse ikke nævner.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/dst.py" line="342"/>
        <source>{table}: {code} {name} ({persons:,.0f} persons) is not one of the 98 kommuner; it is in the table but not on the kommune layer.</source>
        <translation>{table}: {code} {name} ({persons:,.0f} personer) er ikke en af de 98 kommuner; den er med i tabellen, men ikke på kommunelaget.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/dst.py" line="353"/>
        <source>{table}: {n} values are missing (&apos;..&apos;) and count as 0.</source>
        <translation>{table}: {n} værdier mangler (&apos;..&apos;) og tælles som 0.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/dst.py" line="362"/>
        <source>{table}: the sum of the rows differs from Danmarks Statistik&apos;s total by up to {difference:,.0f} persons.</source>
        <translation>{table}: summen af rækkerne afviger fra Danmarks Statistiks total med op til {difference:,.0f} personer.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/dst.py" line="414"/>
        <source>Danmarks Statistik&apos;s table {table} has no rows for {n} of the 98 kommuner: {kommuner}. The kommune codes may have changed; please report it.</source>
        <translation>Danmarks Statistiks tabel {table} har ingen rækker for {n} af de 98 kommuner: {kommuner}. Kommunekoderne kan være ændret; rapportér det venligst.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/dst.py" line="477"/>
        <source>Danmarks Statistik&apos;s answer for {table} is not JSON ({url}). Run again later.</source>
        <translation>Danmarks Statistiks svar for {table} er ikke JSON ({url}). Kør igen senere.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/dst.py" line="529"/>
        <source>Danmarks Statistik&apos;s table {table} has a column {column} without a total; the table has changed, please report it.</source>
        <translation>Danmarks Statistiks tabel {table} har en kolonne {column} uden en total; tabellen er ændret, rapportér det venligst.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/dst.py" line="543"/>
        <source>Danmarks Statistik&apos;s table {table} lists no periods.</source>
        <translation>Danmarks Statistiks tabel {table} har ingen perioder.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/embedded_areas.py" line="21"/>
        <source>embedded kommuner (98): population FOLK1A {total_quarter}; age/sex composition FOLK1A {age_quarter} scaled to those totals (Kilde: Danmarks Statistik). Fetch the current composition with sundplan:fetch_base_data and give it as AREAS.</source>
        <translation>indlejrede kommuner (98): folketal FOLK1A {total_quarter}; sammensætning efter alder og køn FOLK1A {age_quarter} skaleret til disse totaler (Kilde: Danmarks Statistik). Hent den aktuelle sammensætning med sundplan:fetch_base_data, og angiv den som AREAS.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="77"/>
        <source>2SFCA (step)</source>
        <translation>2SFCA (trinfunktion)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="78"/>
        <source>E2SFCA (weighted zones, Luo &amp; Qi 2009)</source>
        <translation>E2SFCA (vægtede zoner, Luo &amp; Qi 2009)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="79"/>
        <source>Gaussian decay</source>
        <translation>Gaussisk aftagning</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="84"/>
        <source>2SFCA (step: weight 1 inside the catchment)</source>
        <translation>2SFCA (trin: vægt 1 inden for optageområdet)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="85"/>
        <source>E2SFCA (weighted travel-time zones, Luo &amp; Qi 2009)</source>
        <translation>E2SFCA (vægtede rejsetidszoner, Luo &amp; Qi 2009)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="86"/>
        <source>Gaussian-decay 2SFCA (Dai 2010)</source>
        <translation>2SFCA med gaussisk aftagning (Dai 2010)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="115"/>
        <location filename="../sundplan_qgis/run_report.py" line="334"/>
        <source>ok</source>
        <translation>i orden</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="116"/>
        <location filename="../sundplan_qgis/run_report.py" line="262"/>
        <location filename="../sundplan_qgis/run_report.py" line="340"/>
        <source>not on the network</source>
        <translation>ikke tilknyttet vejnettet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="117"/>
        <location filename="../sundplan_qgis/run_report.py" line="342"/>
        <source>no practice in its network part</source>
        <translation>ingen praksis i dens del af vejnettet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="118"/>
        <location filename="../sundplan_qgis/run_report.py" line="343"/>
        <source>reaches no demand</source>
        <translation>når ingen efterspørgsel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="121"/>
        <location filename="../sundplan_qgis/run_report.py" line="141"/>
        <source>road network</source>
        <translation>vejnet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="156"/>
        <source>{method}, catchment ≤ {threshold:g} min (inclusive)</source>
        <translation>{method}, optageområde ≤ {threshold:g} min (inklusive)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="162"/>
        <source>≤{limit:g} min: {weight:g}</source>
        <translation>≤{limit:g} min: {weight:g}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="165"/>
        <source>{method}, catchment ≤ {threshold:g} min (inclusive); zones {zones}</source>
        <translation>{method}, optageområde ≤ {threshold:g} min (inklusive); zoner {zones}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="197"/>
        <source>Unknown method &apos;{method}&apos;: use one of {methods}.</source>
        <translation>Ukendt metode &apos;{method}&apos;: brug en af {methods}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="207"/>
        <source>The catchment threshold must be a positive number of minutes (got {threshold}); a threshold of 0 would leave every practice without patients.</source>
        <translation>Tærsklen for optageområdet skal være et positivt antal minutter (angivet: {threshold}); en tærskel på 0 ville efterlade alle praksis uden patienter.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="222"/>
        <source>E2SFCA needs one weight per zone: {n_breaks} zone limits but {n_weights} weights.</source>
        <translation>E2SFCA kræver én vægt pr. zone: {n_breaks} zonegrænser, men {n_weights} vægte.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="230"/>
        <source>Zone limits must be positive and increasing (got {breaks}).</source>
        <translation>Zonegrænserne skal være positive og stigende (angivet: {breaks}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="234"/>
        <source>The last zone limit ({last:g} min) must equal the catchment threshold ({threshold:g} min).</source>
        <translation>Den sidste zonegrænse ({last:g} min) skal være lig med tærsklen for optageområdet ({threshold:g} min).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="241"/>
        <source>Zone weights must be ≥ 0 (got {weights}).</source>
        <translation>Zonevægtene skal være ≥ 0 (angivet: {weights}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="282"/>
        <source>The detour factor must be ≥ 1 (got {factor}).</source>
        <translation>Omvejsfaktoren skal være ≥ 1 (angivet: {factor}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="284"/>
        <source>The straight-line speed must be positive (got {speed} km/h).</source>
        <translation>Hastigheden i fugleflugt skal være positiv (angivet: {speed} km/t).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="296"/>
        <source>Straight-line catchments {done:,}/{n:,}</source>
        <translation>Optageområder i fugleflugt {done:,}/{n:,}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="309"/>
        <source>straight line × {detour:g} detour factor at {speed_kmh:g} km/h (fallback)</source>
        <translation>fugleflugt × omvejsfaktor {detour:g} ved {speed_kmh:g} km/t (reserveløsning)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="536"/>
        <source>{key}: &apos;{text}&apos; must be numbers separated by commas.</source>
        <translation>{key}: &apos;{text}&apos; skal være tal adskilt af kommaer.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="554"/>
        <source>Need weighting needs age/sex columns (m_0_4 … k_85_plus) on the area layer &apos;{layer}&apos;.</source>
        <translation>Behovsvægtning kræver alders-/kønskolonner (m_0_4 … k_85_plus) i områdelaget &apos;{layer}&apos;.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="585"/>
        <source>No road network given. Choose a road network file or line layer, or tick &apos;No network: use the straight-line fallback&apos; to use straight-line distance × detour factor (labelled in the outputs).</source>
        <translation>Intet vejnet angivet. Vælg en vejnetsfil eller et linjelag, eller sæt flueben ved &apos;Intet vejnet: brug nødløsningen i fugleflugt&apos; for at bruge fugleflugtsafstand × omvejsfaktor (markeret i resultaterne).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="594"/>
        <source>No demand given. Choose a population raster or a point/polygon layer.</source>
        <translation>Ingen efterspørgsel angivet. Vælg et befolkningsraster eller et punkt-/polygonlag.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="619"/>
        <location filename="../sundplan_qgis/location_allocation.py" line="536"/>
        <source>Need weighting needs an area layer with age/sex columns (m_0_4 … k_85_plus).</source>
        <translation>Behovsvægtning kræver et områdelag med alders-/kønskolonner (m_0_4 … k_85_plus).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="652"/>
        <source>Straight-line fallback used: {label}.</source>
        <translation>Nødløsning i fugleflugt brugt: {label}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="659"/>
        <source>{n} practice(s) of &apos;{layer}&apos; lie farther than the maximum snap distance from any road and are left out (capacity {capacity:g}): {names}. Check their positions or raise the maximum snap distance.</source>
        <translation>{n} praksis i &apos;{layer}&apos; ligger længere end den største tilknytningsafstand fra nærmeste vej og udelades (kapacitet {capacity:g}): {names}. Kontrollér deres placering, eller hæv den største tilknytningsafstand.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="763"/>
        <source>inclusive: a location exactly at the threshold is inside (1 ms tolerance)</source>
        <translation>inklusive: et sted præcis på tærsklen er indenfor (1 ms tolerance)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca.py" line="787"/>
        <source>reached residents only (placed on the network)</source>
        <translation>kun nåede indbyggere (tilknyttet vejnettet)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca_network.py" line="314"/>
        <location filename="../sundplan_qgis/location_allocation.py" line="402"/>
        <location filename="../sundplan_qgis/snapping.py" line="272"/>
        <source>The access speed must be positive (got {speed} km/h).</source>
        <translation>Hastigheden mellem et sted og vejen skal være positiv (angivet: {speed} km/t).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca_network.py" line="324"/>
        <location filename="../sundplan_qgis/location_allocation.py" line="408"/>
        <source>The road network &apos;{name}&apos; has no roads.</source>
        <translation>Vejnettet &apos;{name}&apos; har ingen veje.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca_network.py" line="327"/>
        <source>Snapping practices and demand to the road network</source>
        <translation>Knytter praksis og efterspørgsel til vejnettet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca_network.py" line="343"/>
        <location filename="../sundplan_qgis/location_allocation.py" line="465"/>
        <source>&apos;{name}&apos; ({m:,.0f} m)</source>
        <translation>&apos;{name}&apos; ({m:,.0f} m)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca_network.py" line="346"/>
        <source>None of the {n} practice(s) of &apos;{layer}&apos; lies within the maximum snap distance ({max_snap_m:,.0f} m) of a road of &apos;{network}&apos; (nearest: {first}), so no accessibility can be computed. Check the practices&apos; CRS and positions, use a road network that covers them, or raise the maximum snap distance.</source>
        <translation>Ingen af de {n} praksis i &apos;{layer}&apos; ligger inden for den største tilknytningsafstand ({max_snap_m:,.0f} m) fra en vej i &apos;{network}&apos; (nærmeste: {first}), så tilgængeligheden kan ikke beregnes. Kontrollér praksissernes koordinatsystem og placering, brug et vejnet, der dækker dem, eller hæv den største tilknytningsafstand.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca_network.py" line="471"/>
        <source>network (road graph, home → practice)</source>
        <translation>vejnet (vejgraf, hjem → praksis)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca_network.py" line="479"/>
        <source>Hilbert curve (renumbered for the searches)</source>
        <translation>Hilbertkurve (omnummereret til søgningerne)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca_network.py" line="613"/>
        <location filename="../sundplan_qgis/fca_network.py" line="679"/>
        <source>Starting {n} search processes</source>
        <translation>Starter {n} søgeprocesser</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca_network.py" line="617"/>
        <source>The search processes could not start ({reason}); the searches ran in this process.</source>
        <translation>Søgeprocesserne kunne ikke starte ({reason}); søgningerne kørte i denne proces.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca_network.py" line="687"/>
        <source>A shortest-path worker process ended unexpectedly.</source>
        <translation>En arbejdsproces til korteste veje stoppede uventet.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca_network.py" line="689"/>
        <source>A shortest-path worker process failed:
{trace}</source>
        <translation>En arbejdsproces til korteste veje fejlede:
{trace}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca_network.py" line="707"/>
        <source>Shortest paths: batch {done:,} of {n:,} ({workers} processes)</source>
        <translation>Korteste veje: portion {done:,} af {n:,} ({workers} processer)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca_network.py" line="718"/>
        <source>The shortest-path worker processes ended unexpectedly.</source>
        <translation>Arbejdsprocesserne til korteste veje stoppede uventet.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca_network.py" line="866"/>
        <location filename="../sundplan_qgis/location_allocation.py" line="493"/>
        <source>Shortest paths: batch {done:,} of {n:,}</source>
        <translation>Korteste veje: portion {done:,} af {n:,}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca_network.py" line="879"/>
        <source>Travel times done</source>
        <translation>Rejsetider færdige</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca_network.py" line="972"/>
        <source>2SFCA step 1 (in the search processes)</source>
        <translation>2SFCA trin 1 (i søgeprocesserne)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca_network.py" line="975"/>
        <source>2SFCA step 2 (in the search processes)</source>
        <translation>2SFCA trin 2 (i søgeprocesserne)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca_network.py" line="989"/>
        <source>{n} search processes (2SFCA sums computed there)</source>
        <translation>{n} søgeprocesser (2SFCA-summerne beregnes dér)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fca_network.py" line="1000"/>
        <source>Accessibility done</source>
        <translation>Tilgængelighed færdig</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fetch.py" line="201"/>
        <source>The server {host} answered {status} ({reason}) for {url}.{detail}</source>
        <translation>Serveren {host} svarede {status} ({reason}) for {url}.{detail}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fetch.py" line="229"/>
        <source>No answer from {host} within {timeout_s:g} s ({url}).</source>
        <translation>Intet svar fra {host} inden for {timeout_s:g} s ({url}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fetch.py" line="238"/>
        <source>The server {host} cannot be reached ({reason}).</source>
        <translation>Serveren {host} kan ikke nås ({reason}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fetch.py" line="260"/>
        <source>The answer from {host} broke off ({error}).</source>
        <translation>Svaret fra {host} blev afbrudt ({error}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fetch.py" line="278"/>
        <source>The checksum file {url} does not hold an md5 for {filename}.</source>
        <translation>Kontrolsumfilen {url} indeholder ingen md5 for {filename}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fetch.py" line="372"/>
        <source>Downloading {label}: {mb:,.1f} MB</source>
        <translation>Henter {label}: {mb:,.1f} MB</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fetch.py" line="385"/>
        <source>The download of {url} broke off ({error}); run again to resume it.</source>
        <translation>Hentningen af {url} blev afbrudt ({error}); kør igen for at genoptage den.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fetch.py" line="397"/>
        <source>The download of {url} stopped after {received:,} of {expected:,} bytes; nothing was cached. Run again (a file download continues where it stopped).</source>
        <translation>Hentningen af {url} stoppede efter {received:,} af {expected:,} bytes; intet blev gemt i cachen. Kør igen (en fil hentes videre, hvor den stoppede).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fetch.py" line="414"/>
        <source>The download of {url} does not match its published checksum (md5 {got}, expected {expected}); it was deleted. Run again; if it repeats, the server&apos;s file is being updated: try later.</source>
        <translation>Hentningen af {url} stemmer ikke med den offentliggjorte kontrolsum (md5 {got}, forventet {expected}); den er slettet. Kør igen; sker det igen, er serverens fil ved at blive opdateret: prøv senere.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fetch.py" line="510"/>
        <source>OpenStreetMap Denmark (Geofabrik, .osm.pbf)</source>
        <translation>OpenStreetMap Danmark (Geofabrik, .osm.pbf)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fetch.py" line="511"/>
        <source>Population by kommune, sex and age, latest quarter (FOLK1A)</source>
        <translation>Befolkning pr. kommune, køn og alder, seneste kvartal (FOLK1A)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fetch.py" line="512"/>
        <source>Newest kommune population projection (FRKM1yy)</source>
        <translation>Nyeste befolkningsfremskrivning for kommuner (FRKM1yy)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fetch.py" line="565"/>
        <source>Nothing to fetch: choose one or more of: {choices}.</source>
        <translation>Intet at hente: vælg en eller flere af: {choices}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fetch.py" line="573"/>
        <source>The cache folder {cache} cannot be created ({error}). Choose another CACHE_FOLDER.</source>
        <translation>Cachemappen {cache} kan ikke oprettes ({error}). Vælg en anden CACHE_FOLDER.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fetch.py" line="603"/>
        <source>Danmarks Statistik: FOLK1A</source>
        <translation>Danmarks Statistik: FOLK1A</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fetch.py" line="611"/>
        <source>Danmarks Statistik: population projection</source>
        <translation>Danmarks Statistik: befolkningsfremskrivning</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fetch.py" line="619"/>
        <source>{what}: {error}</source>
        <translation>{what}: {error}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fetch.py" line="621"/>
        <source>Could not fetch {failures} Check the internet connection (or proxy) and run again. Cache folder: {cache}; already cached: {cached}.</source>
        <translation>Kunne ikke hente {failures} Kontrollér internetforbindelsen (eller proxy) og kør igen. Cachemappe: {cache}; allerede i cachen: {cached}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/fetch.py" line="626"/>
        <source>nothing</source>
        <translation>intet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gap_reach.py" line="30"/>
        <source>pop_beyond = reached residents whose drive time to the nearest practice of the specialty exceeds the limit; share_beyond = pop_beyond / population_reached (of reached residents). Not reached, counted apart and not as beyond: pop_unsnapped (no road within the snapping distance) and pop_unreachable (by a road whose network part holds no practice of the specialty), share_not_reached = their sum / population. A specialty without practices: everyone is beyond</source>
        <translation>pop_beyond = nåede indbyggere, hvis køretid til nærmeste praksis i specialet overstiger grænsen; share_beyond = pop_beyond / population_reached (af de nåede indbyggere). Ikke nået, talt for sig og ikke som ud over grænsen: pop_unsnapped (ingen vej inden for tilknytningsafstanden) og pop_unreachable (ved en vej, hvis del af vejnettet ikke har nogen praksis i specialet), share_not_reached = deres sum / befolkningen. Et speciale uden praksis: alle er ud over grænsen</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gap_reach.py" line="73"/>
        <source>Travel times: {s}</source>
        <translation>Rejsetider: {s}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gap_reach.py" line="81"/>
        <source>no practices: everyone is beyond the limit</source>
        <translation>ingen praksis: alle er ud over grænsen</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="74"/>
        <source>under-supplied</source>
        <translation>underdækket</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="75"/>
        <source>balanced</source>
        <translation>i balance</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="76"/>
        <source>over-supplied</source>
        <translation>overdækket</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="77"/>
        <source>no population</source>
        <translation>ingen befolkning</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="78"/>
        <location filename="../sundplan_qgis/reference.py" line="383"/>
        <source>outside the grouping</source>
        <translation>uden for inddeling</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="83"/>
        <source>move</source>
        <translation>flyt</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="83"/>
        <source>withdraw</source>
        <translation>nedlæg</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="88"/>
        <source>planned total</source>
        <translation>planlagt total</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="89"/>
        <source>today&apos;s capacity</source>
        <translation>nuværende kapacitet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="93"/>
        <location filename="../sundplan_qgis/run_report.py" line="336"/>
        <source>general</source>
        <translation>generelle</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="93"/>
        <location filename="../sundplan_qgis/run_report.py" line="229"/>
        <location filename="../sundplan_qgis/run_report.py" line="337"/>
        <source>specialty</source>
        <translation>speciale</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="115"/>
        <source>The need-weight table has no rows for &apos;{specialty}&apos; and no general rows (specialty &apos;{general}&apos;). Add rows for it, or a &apos;{general}&apos; profile.</source>
        <translation>Behovsvægttabellen har ingen rækker for &apos;{specialty}&apos; og ingen generelle rækker (speciale &apos;{general}&apos;). Tilføj rækker for specialet eller en &apos;{general}&apos;-profil.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="135"/>
        <source>The need weights for &apos;{specialty}&apos; miss the age group(s) {groups} that the population has. Give a weight for every age group (per sex, or sex &apos;all&apos;).</source>
        <translation>Behovsvægtene for &apos;{specialty}&apos; mangler aldersgruppe(rne) {groups}, som befolkningen har. Angiv en vægt for hver aldersgruppe (pr. køn eller med køn &apos;all&apos;).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="162"/>
        <source>The population has empty or non-numeric age/sex counts for the area(s) {areas}.</source>
        <translation>Befolkningen har tomme eller ikke-numeriske antal i alders-/kønskolonnerne for område(rne) {areas}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="168"/>
        <source>The population has negative age/sex counts.</source>
        <translation>Befolkningen har negative antal i alders-/kønskolonnerne.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="173"/>
        <source>The population column has empty, non-numeric or negative values.</source>
        <translation>Befolkningskolonnen har tomme, ikke-numeriske eller negative værdier.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="175"/>
        <source>The areas have no population: give age/sex columns (m_0_4, k_0_4, … m_85_plus, k_85_plus) or a &apos;population&apos; column. Columns found: {columns}.</source>
        <translation>Områderne har ingen befolkning: angiv alders-/kønskolonner (m_0_4, k_0_4, … m_85_plus, k_85_plus) eller en kolonne &apos;population&apos;. Fundne kolonner: {columns}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="188"/>
        <source>Need weights are by age group, but the population has no age/sex columns (m_0_4 … k_85_plus). Give them, or choose unweighted population.</source>
        <translation>Behovsvægtene er efter aldersgruppe, men befolkningen har ingen alders-/kønskolonner (m_0_4 … k_85_plus). Angiv dem, eller vælg uvægtet befolkning.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="199"/>
        <source>Need weights for &apos;{specialty}&apos;: {error}</source>
        <translation>Behovsvægte for &apos;{specialty}&apos;: {error}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="205"/>
        <source>The need-weighted population for &apos;{specialty}&apos; is zero in every area: no population, or all its weights are zero.</source>
        <translation>Den behovsvægtede befolkning for &apos;{specialty}&apos; er nul i alle områder: ingen befolkning, eller alle specialets vægte er nul.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="279"/>
        <source>The relocation plan could not be solved: {reason}</source>
        <translation>Omfordelingsplanen kunne ikke løses: {reason}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="332"/>
        <source>The class thresholds must satisfy 0 &lt; under ≤ 1 ≤ over; got under {under:g} and over {over:g}.</source>
        <translation>Klassegrænserne skal opfylde 0 &lt; under ≤ 1 ≤ over; angivet: under {under:g} og over {over:g}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="340"/>
        <source>The population table needs an &apos;area_id&apos; column.</source>
        <translation>Befolkningstabellen skal have en kolonne &apos;area_id&apos;.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="344"/>
        <source>Duplicate area ids in the population: {ids}. Each area once.</source>
        <translation>Dublerede område-id&apos;er i befolkningen: {ids}. Hvert område må kun forekomme én gang.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="362"/>
        <source>Every area is outside the grouping: no area id is in the grouping table. Check that the area ids are the table&apos;s keys (e.g. kommunekoder).</source>
        <translation>Alle områder er uden for inddelingen: intet område-id står i grupperingstabellen. Kontrollér, at områdernes id er tabellens nøgler (f.eks. kommunekoder).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="370"/>
        <source>The capacity table needs a &apos;{column}&apos; column.</source>
        <translation>Kapacitetstabellen skal have en kolonne &apos;{column}&apos;.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="376"/>
        <source>Empty or non-numeric capacity for {rows}. Give every practice a capacity (full-time ydernumre) or leave the field unset.</source>
        <translation>Tom eller ikke-numerisk kapacitet for {rows}. Giv hver praksis en kapacitet (fuldtids-ydernumre), eller lad feltet være tomt.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="381"/>
        <source>{specialty} in area {area}</source>
        <translation>{specialty} i område {area}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="393"/>
        <source>Negative capacity for {rows}. Capacities are numbers of full-time ydernumre, 0 or more.</source>
        <translation>Negativ kapacitet for {rows}. Kapaciteter er antal fuldtids-ydernumre, 0 eller flere.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="398"/>
        <source>{specialty} in area {area} ({value:g})</source>
        <translation>{specialty} i område {area} ({value:g})</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="412"/>
        <source>The capacity table has area ids that are not among the areas: {unknown}. Areas: {areas}.</source>
        <translation>Kapacitetstabellen har område-id&apos;er, der ikke findes blandt områderne: {unknown}. Områder: {areas}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="421"/>
        <source>The planned total for &apos;{specialty}&apos; must be a number ≥ 0.</source>
        <translation>Den planlagte total for &apos;{specialty}&apos; skal være et tal ≥ 0.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="428"/>
        <source>No specialist capacity given: the practices/capacity table is empty.</source>
        <translation>Ingen speciallægekapacitet angivet: praksis-/kapacitetstabellen er tom.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="442"/>
        <source>{n} area(s) have no population: {areas}. Their fair share is 0; any capacity there counts as over-supply (class &apos;{no_population}&apos;).</source>
        <translation>{n} område(r) har ingen befolkning: {areas}. Deres rimelige andel er 0; al kapacitet dér tæller som overdækning (klassen &apos;{no_population}&apos;).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="577"/>
        <source>Σ persons × weight(age group, sex), scaled so that its total over the areas equals the total population (average need = 1)</source>
        <translation>Σ personer × vægt(aldersgruppe, køn), skaleret så summen over områderne er lig med den samlede befolkning (gennemsnitligt behov = 1)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="581"/>
        <source>reference total × area&apos;s share of need-weighted population</source>
        <translation>referencetotal × områdets andel af den behovsvægtede befolkning</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="582"/>
        <source>capacity − fair share (positive = more than the need-based share)</source>
        <translation>kapacitet − rimelig andel (positiv = mere end den behovsbaserede andel)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="583"/>
        <source>ratio = capacity / fair share; under-supplied below {under:g}, over-supplied above {over:g}</source>
        <translation>forhold = kapacitet / rimelig andel; underdækket under {under:g}, overdækket over {over:g}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="589"/>
        <source>Lorenz curve of capacity share against need share, areas by density</source>
        <translation>Lorenzkurve for kapacitetsandel mod behovsandel, områder efter tæthed</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="590"/>
        <source>½ Σ |capacity share − need share|</source>
        <translation>½ Σ |kapacitetsandel − behovsandel|</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="592"/>
        <source>transport problem, scipy.optimize.linprog (HiGHS dual simplex), minimising capacity × straight-line km between area centres</source>
        <translation>transportproblem, scipy.optimize.linprog (HiGHS dual simplex), der minimerer kapacitet × km i fugleflugt mellem områdernes centre</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="597"/>
        <source>transport problem, scipy.optimize.linprog (HiGHS); the areas had no geometry, so every distance counts the same and distance_km is empty</source>
        <translation>transportproblem, scipy.optimize.linprog (HiGHS); områderne havde ingen geometri, så alle afstande tæller ens, og distance_km er tom</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="652"/>
        <source>move {n:g} {unit} in {specialty} from {source} to {target}</source>
        <translation>flyt {n:g} {unit} i {specialty} fra {source} til {target}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="677"/>
        <source>withdraw {n:g} {unit} in {specialty} from {source} (the planned total is below today&apos;s capacity)</source>
        <translation>nedlæg {n:g} {unit} i {specialty} i {source} (den planlagte total er under den nuværende kapacitet)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="700"/>
        <source>add {n:g} new {unit} in {specialty} in {target} (the planned total is above today&apos;s capacity)</source>
        <translation>opret {n:g} nye {unit} i {specialty} i {target} (den planlagte total er over den nuværende kapacitet)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="737"/>
        <source>The capacity of {specialties} is 0 in every area, so there is nothing to compare with need. Check the capacity field (full-time ydernumre per practice: all 0 or empty?), leave those specialties out, or give a planned total for them (e.g. &apos;{example}=60&apos;).</source>
        <translation>Kapaciteten i {specialties} er 0 i alle områder, så der er intet at sammenligne med behovet. Kontrollér kapacitetsfeltet (fuldtids-ydernumre pr. praksis: alle 0 eller tomme?), udelad disse specialer, eller angiv en planlagt total for dem (f.eks. &apos;{example}=60&apos;).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="848"/>
        <source>Need-weighted population, fair shares and gaps</source>
        <translation>Behovsvægtet befolkning, rimelige andele og forskelle</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="873"/>
        <source>not counted in any area nor in today&apos;s national capacity</source>
        <translation>talt med hverken i noget område eller i den nuværende landskapacitet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="875"/>
        <source>{n} practice(s) lie outside all areas and are not counted (feature ids {ids}). See the report.</source>
        <translation>{n} praksis ligger uden for alle områder og tælles ikke med (objekt-id&apos;er {ids}). Se rapporten.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/gaps.py" line="886"/>
        <source>{n} area(s) are not in the grouping ({areas}): they form the row &apos;outside the grouping&apos;, shown without a fair share and left out of the comparison.</source>
        <translation>{n} område(r) er ikke med i inddelingen ({areas}): de udgør rækken &apos;uden for inddeling&apos;, vises uden rimelig andel og indgår ikke i sammenligningen.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/grouping.py" line="32"/>
        <source>None: the areas themselves</source>
        <translation>Ingen: selve områderne</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/grouping.py" line="33"/>
        <source>Regions (5, until 2026), by kommunekode</source>
        <translation>Regioner (5, indtil 2026), via kommunekode</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/grouping.py" line="34"/>
        <source>Regions from 2027 (4), by kommunekode</source>
        <translation>Regioner fra 2027 (4), via kommunekode</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/grouping.py" line="35"/>
        <source>Sundhedsråd (17), by kommunekode</source>
        <translation>Sundhedsråd (17), via kommunekode</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/grouping.py" line="36"/>
        <source>Sundhedsfællesskaber (21, 2019 proposal), by kommunekode</source>
        <translation>Sundhedsfællesskaber (21, forslaget fra 2019), via kommunekode</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/grouping.py" line="39"/>
        <source>Roll up to regions / sundhedsråd / sundhedsfællesskaber (embedded table; area ids must be kommunekoder)</source>
        <translation>Saml op på regioner / sundhedsråd / sundhedsfællesskaber (indbygget tabel; område-id&apos;erne skal være kommunekoder)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/grouping.py" line="44"/>
        <source>A grouping table (area id -&gt; unit)</source>
        <translation>En grupperingstabel (område-id -&gt; enhed)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/grouping.py" line="78"/>
        <source>Unknown grouping level &apos;{level}&apos;. Use region, region_2027, sundhedsraad or sundhedsfaellesskab.</source>
        <translation>Ukendt grupperingsniveau &apos;{level}&apos;. Brug region, region_2027, sundhedsraad eller sundhedsfaellesskab.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/grouping.py" line="136"/>
        <source>The grouping table has no column &apos;{column}&apos; (columns: {columns}).</source>
        <translation>Grupperingstabellen har ingen kolonne &apos;{column}&apos; (kolonner: {columns}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/grouping.py" line="144"/>
        <source>The grouping table lists these keys more than once: {keys}.</source>
        <translation>Grupperingstabellen har disse nøgler mere end én gang: {keys}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/grouping.py" line="150"/>
        <source>The grouping table has no column(s) {missing} (columns: {columns}).</source>
        <translation>Grupperingstabellen har ingen kolonne(r) {missing} (kolonner: {columns}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/grouping.py" line="166"/>
        <source>{n} area id(s) are not in the grouping table: {ids}. They form the row &apos;{label}&apos; of every roll-up, left out of ranks, Gini, best/worst and shortage counts.</source>
        <translation>{n} område-id står ikke i grupperingstabellen: {ids}. De udgør rækken &apos;{label}&apos; i alle opsamlinger og indgår ikke i rangering, Gini, bedste/dårligste enhed eller antallet med lægemangel.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="58"/>
        <source>Maximal coverage (MCLP): most residents within the time limit</source>
        <translation>Maksimal dækning (MCLP): flest indbyggere inden for tidsgrænsen</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="59"/>
        <source>p-median: least population-weighted travel time</source>
        <translation>p-median: mindst befolkningsvægtet rejsetid</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="67"/>
        <source>exact (HiGHS mixed-integer programme)</source>
        <translation>eksakt (HiGHS, blandet heltalsprogram)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="68"/>
        <source>greedy heuristic</source>
        <translation>grådig heuristik</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="70"/>
        <source>new site</source>
        <translation>nyt sted</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="70"/>
        <source>existing site</source>
        <translation>eksisterende sted</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="72"/>
        <source>candidate layer</source>
        <translation>kandidatlag</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="73"/>
        <source>grid on the roads</source>
        <translation>gitter på vejene</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="215"/>
        <source>every candidate evaluated (k = 1)</source>
        <translation>hver kandidat vurderet (k = 1)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="281"/>
        <source>time limit of {s:g} s reached: best solution found (gap {gap:.2%})</source>
        <translation>tidsgrænsen på {s:g} s nået: bedste fundne løsning (afstand til optimum {gap:.2%})</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="299"/>
        <source>greedy (problem too large for the exact solver: {n:,} nonzeros &gt; limit {limit:,})</source>
        <translation>grådig (problemet er for stort til den eksakte løser: {n:,} ikke-nul-elementer &gt; grænse {limit:,})</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="308"/>
        <source>greedy (the exact solver found no solution within {s:g} s)</source>
        <translation>grådig (den eksakte løser fandt ingen løsning inden for {s:g} s)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="315"/>
        <source>greedy (better than the exact solver&apos;s best solution within {s:g} s)</source>
        <translation>grådig (bedre end den eksakte løsers bedste løsning inden for {s:g} s)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="384"/>
        <source>Unknown objective &apos;{objective}&apos;: choose one of {keys}.</source>
        <translation>Ukendt mål &apos;{objective}&apos;: vælg et af {keys}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="390"/>
        <source>The number of new sites k must be at least 1 (got {k}).</source>
        <translation>Antallet af nye steder k skal være mindst 1 (fik {k}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="395"/>
        <source>The time limit must be a positive number of minutes (got {t}).</source>
        <translation>Tidsgrænsen skal være et positivt antal minutter (fik {t}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="397"/>
        <source>The solver time limit must be a positive number of seconds (got {s}).</source>
        <translation>Løserens tidsgrænse skal være et positivt antal sekunder (fik {s}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="422"/>
        <source>The grid spacing for candidate sites must be positive (got {m} m).</source>
        <translation>Gitterafstanden for kandidatsteder skal være positiv (fik {m} m).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="445"/>
        <source>A candidate grid every {m:,.0f} m gives {n:,} candidate sites (at most {limit:,}: one shortest-path search each). Raise the grid spacing or give a CANDIDATES layer.</source>
        <translation>Et kandidatgitter for hver {m:,.0f} m giver {n:,} kandidatsteder (højst {limit:,}: én korteste-vej-søgning hver). Hæv gitterafstanden, eller angiv et lag med kandidater (CANDIDATES).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="531"/>
        <source>none (unweighted residents)</source>
        <translation>ingen (uvægtede indbyggere)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="562"/>
        <source>The residents &apos;{layer}&apos; are empty (no locations or no residents): there is no demand to place sites for.</source>
        <translation>Indbyggerne &apos;{layer}&apos; er tomme (ingen placeringer eller ingen indbyggere): der er ingen efterspørgsel at placere steder efter.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="567"/>
        <source>Snapping residents to the road network</source>
        <translation>Knytter indbyggere til vejnettet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="577"/>
        <source>None of the residents of &apos;{layer}&apos; lies within the maximum snap distance ({m:,.0f} m) of a road of &apos;{network}&apos;. Check the CRS of the residents and the network, or raise the maximum snap distance.</source>
        <translation>Ingen af indbyggerne i &apos;{layer}&apos; ligger inden for den maksimale tilknytningsafstand ({m:,.0f} m) fra en vej i &apos;{network}&apos;. Kontrollér indbyggernes og vejnettets koordinatsystem, eller hæv den maksimale tilknytningsafstand.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="609"/>
        <source>None of the {n} candidate site(s) of &apos;{layer}&apos; lies within the maximum snap distance ({max_snap_m:,.0f} m) of a road of &apos;{network}&apos;: {names}. Check the candidates&apos; CRS and positions, use a road network that covers them, or raise the maximum snap distance.</source>
        <translation>Ingen af de {n} kandidatsteder i &apos;{layer}&apos; ligger inden for den maksimale tilknytningsafstand ({max_snap_m:,.0f} m) fra en vej i &apos;{network}&apos;: {names}. Kontrollér kandidaternes koordinatsystem og placering, brug et vejnet, der dækker dem, eller hæv den maksimale tilknytningsafstand.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="622"/>
        <source>{n} candidate site(s) of &apos;{layer}&apos; lie farther than the maximum snap distance ({max_snap_m:,.0f} m) from any road and are left out: {names}.</source>
        <translation>{n} kandidatsted(er) i &apos;{layer}&apos; ligger længere end den maksimale tilknytningsafstand ({max_snap_m:,.0f} m) fra nærmeste vej og udelades: {names}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="633"/>
        <source>No candidate sites on the road network: the grid every {m:,.0f} m found no road node near the residents. Give a CANDIDATES layer or a smaller grid spacing.</source>
        <translation>Ingen kandidatsteder på vejnettet: gitteret for hver {m:,.0f} m fandt intet vejknudepunkt nær indbyggerne. Angiv et lag med kandidater (CANDIDATES) eller en mindre gitterafstand.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="639"/>
        <source>k = {k} new sites asked for, but only {n} candidate site(s) of &apos;{layer}&apos; lie on the road network. Lower k or give more candidates.</source>
        <translation>k = {k} nye steder ønsket, men kun {n} kandidatsted(er) i &apos;{layer}&apos; ligger på vejnettet. Sænk k, eller angiv flere kandidater.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="653"/>
        <source>{n} existing site(s) of &apos;{layer}&apos; lie farther than the maximum snap distance ({max_snap_m:,.0f} m) from any road of &apos;{network}&apos;: {names}. Existing sites are fixed and cannot be left out: move them next to a road, remove them from the layer, or raise the maximum snap distance.</source>
        <translation>{n} eksisterende sted(er) i &apos;{layer}&apos; ligger længere end den maksimale tilknytningsafstand ({max_snap_m:,.0f} m) fra nærmeste vej i &apos;{network}&apos;: {names}. Eksisterende steder er faste og kan ikke udelades: flyt dem hen til en vej, fjern dem fra laget, eller hæv den maksimale tilknytningsafstand.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="666"/>
        <source>Travel times from {n:,} sites</source>
        <translation>Rejsetider fra {n:,} steder</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="687"/>
        <source>Choosing the sites</source>
        <translation>Vælger stederne</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="695"/>
        <source>Method: {reason}.</source>
        <translation>Metode: {reason}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="736"/>
        <source>residents aggregated per road node; a node&apos;s access leg is its residents&apos; mean leg</source>
        <translation>indbyggere samlet pr. vejknudepunkt; et knudepunkts tilgangsstrækning er gennemsnittet af dets indbyggeres</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="762"/>
        <source>inclusive: residents exactly at the limit are covered (1 ms tolerance)</source>
        <translation>inklusiv: indbyggere præcis på grænsen er dækket (1 ms tolerance)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="763"/>
        <source>search limit: a travel time beyond the limit counts as the limit; those residents are counted as beyond reach</source>
        <translation>søgegrænse: en rejsetid over grænsen tælles som grænsen; de indbyggere tælles som uden for rækkevidde</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/location_allocation.py" line="792"/>
        <source>Coverage curve: k = {k}</source>
        <translation>Dækningskurve: k = {k}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="142"/>
        <source>none (unweighted population)</source>
        <translation>ingen (uvægtet befolkning)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="166"/>
        <source>The need weights &apos;{label}&apos; have no column(s) {missing}. Expected columns: age_group, sex (m/k/all, optional), weight.</source>
        <translation>Behovsvægtene &apos;{label}&apos; har ingen kolonne(r) {missing}. Forventede kolonner: age_group, sex (m/k/all, valgfri), weight.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="181"/>
        <source>Row {row} of the need weights &apos;{label}&apos;: age group &apos;{value}&apos; is not one of {groups}.</source>
        <translation>Række {row} i behovsvægtene &apos;{label}&apos;: aldersgruppen &apos;{value}&apos; er ikke en af {groups}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="191"/>
        <source>Row {row} of the need weights &apos;{label}&apos;: sex &apos;{value}&apos; must be m, k or all.</source>
        <translation>Række {row} i behovsvægtene &apos;{label}&apos;: køn &apos;{value}&apos; skal være m, k eller all.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="202"/>
        <source>Row {row} of the need weights &apos;{label}&apos; (age group {group}, sex {sex}): the weight must be a positive number (got {value!r}).</source>
        <translation>Række {row} i behovsvægtene &apos;{label}&apos; (aldersgruppe {group}, køn {sex}): vægten skal være et positivt tal (angivet: {value!r}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="218"/>
        <source>The need weights &apos;{label}&apos; list some age groups twice: {pairs}.</source>
        <translation>Behovsvægtene &apos;{label}&apos; har nogle aldersgrupper to gange: {pairs}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="224"/>
        <source>The need weights &apos;{label}&apos; are empty.</source>
        <translation>Behovsvægtene &apos;{label}&apos; er tomme.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="258"/>
        <source>No default need weights for the service &apos;{service}&apos;. Give a weight table (defaults exist for: {services}).</source>
        <translation>Der er ingen standardbehovsvægte for ydelsen &apos;{service}&apos;. Angiv en vægttabel (der findes standardvægte for: {services}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="265"/>
        <source>default {service} ({file})</source>
        <translation>standard {service} ({file})</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="272"/>
        <source>The need weight file &apos;{path}&apos; does not exist.</source>
        <translation>Behovsvægtfilen &apos;{path}&apos; findes ikke.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="276"/>
        <source>Cannot read the need weight file &apos;{path}&apos;: {error}</source>
        <translation>Kan ikke læse behovsvægtfilen &apos;{path}&apos;: {error}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="284"/>
        <source>The need weights &apos;{label}&apos; have no rows for service &apos;{service}&apos;.</source>
        <translation>Behovsvægtene &apos;{label}&apos; har ingen rækker for ydelsen &apos;{service}&apos;.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="311"/>
        <source>The need-weight table &apos;{table}&apos; does not exist.</source>
        <translation>Behovsvægttabellen &apos;{table}&apos; findes ikke.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="317"/>
        <source>The need-weight table &apos;{table}&apos; lacks the column(s) {missing}. It needs specialty, age_group, sex (m/k/all) and weight; found: {found}.</source>
        <translation>Behovsvægttabellen &apos;{table}&apos; mangler kolonne(rne) {missing}. Den skal have specialty, age_group, sex (m/k/all) og weight; fundet: {found}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="331"/>
        <source>The need-weight table &apos;{table}&apos; has sex values {values}; use m, k or all.</source>
        <translation>Behovsvægttabellen &apos;{table}&apos; har kønsværdierne {values}; brug m, k eller all.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="339"/>
        <source>The need-weight table &apos;{table}&apos; has age groups {values}; use {allowed}.</source>
        <translation>Behovsvægttabellen &apos;{table}&apos; har aldersgrupperne {values}; brug {allowed}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="352"/>
        <source>The need-weight table &apos;{table}&apos; has weights that are not numbers ≥ 0: {rows}.</source>
        <translation>Behovsvægttabellen &apos;{table}&apos; har vægte, der ikke er tal ≥ 0: {rows}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="372"/>
        <source>The need-weight table &apos;{table}&apos; lists some rows twice: {rows}.</source>
        <translation>Behovsvægttabellen &apos;{table}&apos; har nogle rækker to gange: {rows}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="385"/>
        <source>default ({file})</source>
        <translation>standard ({file})</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="425"/>
        <source>No population-by-age columns found (expected names like m_0_4, k_0_4, …, k_85_plus). Give age/sex columns or switch need weighting off.</source>
        <translation>Ingen kolonner med befolkning efter alder fundet (forventede navne som m_0_4, k_0_4, …, k_85_plus). Angiv alders-/kønskolonner, eller slå behovsvægtning fra.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="431"/>
        <source>Population columns not found: {columns}.</source>
        <translation>Befolkningskolonnerne blev ikke fundet: {columns}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="439"/>
        <source>The need weights &apos;{label}&apos; do not cover these age groups present in the population: {groups}. Add a weight for each (sex &apos;all&apos; covers both).</source>
        <translation>Behovsvægtene &apos;{label}&apos; dækker ikke disse aldersgrupper, som findes i befolkningen: {groups}. Tilføj en vægt for hver (køn &apos;all&apos; dækker begge køn).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="451"/>
        <source>The population column &apos;{column}&apos; is NULL or not a number for {rows}. Fill in 0 where nobody lives.</source>
        <translation>Befolkningskolonnen &apos;{column}&apos; er NULL eller ikke et tal for {rows}. Udfyld 0, hvor ingen bor.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="459"/>
        <source>The population column &apos;{column}&apos; is negative for {rows}.</source>
        <translation>Befolkningskolonnen &apos;{column}&apos; er negativ for {rows}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/need.py" line="494"/>
        <source>{label} [sha256 {sha256}]</source>
        <translation>{label} [sha256 {sha256}]</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/cache.py" line="263"/>
        <source>The cached road graph {entry} is damaged ({reason}); it is rebuilt and not used.</source>
        <translation>Den gemte vejgraf {entry} er beskadiget ({reason}); den bygges igen og bruges ikke.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/cache.py" line="322"/>
        <source>The road graph could not be stored in the cache folder {folder} ({reason}); the next run reads and builds it again.</source>
        <translation>Vejgrafen kunne ikke gemmes i cachemappen {folder} ({reason}); næste kørsel læser og bygger den igen.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/fields.py" line="73"/>
        <source>Road layer &apos;{layer}&apos; has no field &apos;{field}&apos; (given as the {what} field). Fields found: {fields}. Choose one of those.</source>
        <translation>Vejlaget &apos;{layer}&apos; har intet felt &apos;{field}&apos; (angivet som {what}-feltet). Fundne felter: {fields}. Vælg et af dem.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/fields.py" line="79"/>
        <location filename="../sundplan_qgis/network/fields.py" line="149"/>
        <location filename="../sundplan_qgis/network/ogr_reader.py" line="102"/>
        <location filename="../sundplan_qgis/run_report.py" line="346"/>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/fields.py" line="86"/>
        <source>oneway</source>
        <translation>ensretning</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/fields.py" line="87"/>
        <source>ferry duration</source>
        <translation>færgevarighed</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/fields.py" line="88"/>
        <source>length</source>
        <translation>længde</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/fields.py" line="144"/>
        <source>Road layer &apos;{layer}&apos; has no road class field and no speed field, so no line has a speed. Set the road class field (CLASS_FIELD, OSM highway values such as &apos;primary&apos;) or the speed field (SPEED_FIELD, km/h). Fields found: {fields}.</source>
        <translation>Vejlaget &apos;{layer}&apos; har hverken et vejklassefelt eller et hastighedsfelt, så ingen linje har en hastighed. Angiv vejklassefeltet (CLASS_FIELD, OSM highway-værdier som &apos;primary&apos;) eller hastighedsfeltet (SPEED_FIELD, km/t). Fundne felter: {fields}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/graph.py" line="99"/>
        <source>The road layer&apos;s extent is too large for the merge tolerance; use a larger tolerance or a projected CRS in metres.</source>
        <translation>Vejlagets udstrækning er for stor til sammenlægningstolerancen; brug en større tolerance eller et projiceret koordinatsystem i meter.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/graph.py" line="193"/>
        <source>The realism factor must be &gt; 0 (got {factor}).</source>
        <translation>Realismefaktoren skal være &gt; 0 (angivet: {factor}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/graph.py" line="195"/>
        <source>Ferry boarding time must be ≥ 0 minutes (got {minutes}).</source>
        <translation>Ombordkørselstiden for færger skal være ≥ 0 minutter (angivet: {minutes}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/graph.py" line="207"/>
        <source>Ferry speed must be &gt; 0 km/h (got {speed}).</source>
        <translation>Færgehastigheden skal være &gt; 0 km/t (angivet: {speed}).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/graph.py" line="228"/>
        <source>Road layer &apos;{layer}&apos;: {count} lines have no speed and their road class has no default speed (classes: {classes}). Add these classes to the speed table, or choose a speed field.</source>
        <translation>Vejlaget &apos;{layer}&apos;: {count} linjer har ingen hastighed, og deres vejklasse har ingen standardhastighed (klasser: {classes}). Tilføj disse klasser til hastighedstabellen, eller vælg et hastighedsfelt.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/graph.py" line="234"/>
        <location filename="../sundplan_qgis/specialties.py" line="51"/>
        <source>(empty)</source>
        <translation>(tom)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/graph.py" line="255"/>
        <source>Road layer &apos;{layer}&apos; has no road segments left to route on (all lines are ferries that were excluded, or have zero length). Check the layer and the &apos;include ferries&apos; option.</source>
        <translation>Vejlaget &apos;{layer}&apos; har ingen vejsegmenter tilbage at beregne ruter på (alle linjer er færger, som blev udeladt, eller har længden nul). Kontrollér laget og indstillingen &apos;Medtag færger&apos;.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/lines.py" line="63"/>
        <source>Road layer &apos;{layer}&apos; has no usable lines (no features, or none with a line geometry of at least two vertices). Check the layer, its filter and its geometry type.</source>
        <translation>Vejlaget &apos;{layer}&apos; har ingen brugbare linjer (ingen objekter, eller ingen med en linjegeometri med mindst to knudepunkter). Kontrollér laget, dets filter og dets geometritype.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/lines.py" line="70"/>
        <source>Road layer &apos;{layer}&apos;: coords must be an (V, 2) array.</source>
        <translation>Vejlaget &apos;{layer}&apos;: coords skal være et (V, 2)-array.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/lines.py" line="72"/>
        <source>Road layer &apos;{layer}&apos;: offsets do not index coords.</source>
        <translation>Vejlaget &apos;{layer}&apos;: offsets passer ikke til coords.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/lines.py" line="75"/>
        <location filename="../sundplan_qgis/network/lines.py" line="85"/>
        <source>Road layer &apos;{layer}&apos;: {attribute} has {count} values for {n} lines.</source>
        <translation>Vejlaget &apos;{layer}&apos;: {attribute} har {count} værdier for {n} linjer.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/lines.py" line="93"/>
        <source>Road layer &apos;{layer}&apos;: the length field has values that are not positive metres. Leave it empty (NULL) where the geometry&apos;s length applies.</source>
        <translation>Vejlaget &apos;{layer}&apos;: længdefeltet har værdier, der ikke er positive meter. Lad det være tomt (NULL), hvor geometriens længde gælder.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/lines.py" line="102"/>
        <source>Road layer &apos;{layer}&apos; has {count} vertices with missing (NaN) coordinates, first in line {line}. Repair the geometries (e.g. Processing &apos;Fix geometries&apos;) or remove those features.</source>
        <translation>Vejlaget &apos;{layer}&apos; har {count} knudepunkter med manglende (NaN) koordinater, første i linje {line}. Reparer geometrierne (fx med Processing-værktøjet &apos;Fix geometries&apos;), eller fjern de objekter.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/lines.py" line="152"/>
        <source>Road layer &apos;{layer}&apos; has no coordinate reference system. Assign its CRS, then reproject it to a projected CRS in metres, e.g. EPSG:25832 (ETRS89 / UTM 32N).</source>
        <translation>Vejlaget &apos;{layer}&apos; har intet koordinatsystem. Tildel laget dets koordinatsystem, og omprojicér det derefter til et projiceret koordinatsystem i meter, fx EPSG:25832 (ETRS89 / UTM 32N).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/lines.py" line="159"/>
        <source>Road layer &apos;{layer}&apos; has a CRS that cannot be read ({error}). Reproject it to EPSG:25832 (ETRS89 / UTM 32N).</source>
        <translation>Vejlaget &apos;{layer}&apos; har et koordinatsystem, der ikke kan læses ({error}). Omprojicér det til EPSG:25832 (ETRS89 / UTM 32N).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/lines.py" line="166"/>
        <source>Road layer &apos;{layer}&apos; is in a geographic CRS ({crs}); lengths would be in degrees. Reproject it to a projected CRS in metres, e.g. EPSG:25832 (ETRS89 / UTM 32N), and try again.</source>
        <translation>Vejlaget &apos;{layer}&apos; er i et geografisk koordinatsystem ({crs}); længder ville blive målt i grader. Omprojicér det til et projiceret koordinatsystem i meter, fx EPSG:25832 (ETRS89 / UTM 32N), og prøv igen.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/lines.py" line="174"/>
        <source>Road layer &apos;{layer}&apos; is in {crs}, a Mercator projection whose lengths are about 1.8 times too long in Denmark. Reproject it to EPSG:25832 (ETRS89 / UTM 32N).</source>
        <translation>Vejlaget &apos;{layer}&apos; er i {crs}, en Mercator-projektion, hvis længder er ca. 1,8 gange for lange i Danmark. Omprojicér det til EPSG:25832 (ETRS89 / UTM 32N).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/lines.py" line="183"/>
        <source>Road layer &apos;{layer}&apos; is in a projected CRS with units {units} ({crs}), not metres. Reproject it to e.g. EPSG:25832 (ETRS89 / UTM 32N).</source>
        <translation>Vejlaget &apos;{layer}&apos; er i et projiceret koordinatsystem med enhederne {units} ({crs}), ikke meter. Omprojicér det til fx EPSG:25832 (ETRS89 / UTM 32N).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/ogr_reader.py" line="71"/>
        <source>Cannot read the road file &apos;{path}&apos;: {error}. Check that it exists and is a vector format GDAL can open (GeoPackage, shapefile, ...).</source>
        <translation>Kan ikke læse vejnetsfilen &apos;{path}&apos;: {error}. Kontrollér, at den findes og er i et vektorformat, som GDAL kan åbne (GeoPackage, shapefil, ...).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/ogr_reader.py" line="78"/>
        <source>Cannot read the road file &apos;{path}&apos;. Check that it exists and is a vector format GDAL can open (GeoPackage, shapefile, ...).</source>
        <translation>Kan ikke læse vejnetsfilen &apos;{path}&apos;. Kontrollér, at den findes og er i et vektorformat, som GDAL kan åbne (GeoPackage, shapefil, ...).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/ogr_reader.py" line="86"/>
        <source>Road file &apos;{file}&apos; has {count} layers ({layers}); choose one.</source>
        <translation>Vejnetsfilen &apos;{file}&apos; har {count} lag ({layers}); vælg et af dem.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/ogr_reader.py" line="90"/>
        <location filename="../sundplan_qgis/run_report.py" line="333"/>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/ogr_reader.py" line="98"/>
        <source>Road file &apos;{file}&apos; has no layer {layer!r}. Layers found: {layers}.</source>
        <translation>Vejnetsfilen &apos;{file}&apos; har intet lag {layer!r}. Fundne lag: {layers}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/ogr_reader.py" line="117"/>
        <source>Road layer &apos;{layer}&apos; has {geometry_type} geometries; a line layer is needed.</source>
        <translation>Vejlaget &apos;{layer}&apos; har {geometry_type}-geometrier; der skal bruges et linjelag.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/ogr_reader.py" line="157"/>
        <location filename="../sundplan_qgis/network/osm_reader.py" line="221"/>
        <source>Reading the road network &apos;{network}&apos;</source>
        <translation>Læser vejnettet &apos;{network}&apos;</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/ogr_reader.py" line="169"/>
        <source>Road layer &apos;{layer}&apos;: the length field belongs to whole features, but some features are multi-part lines. Split them first (Processing &apos;Multipart to singleparts&apos;).</source>
        <translation>Vejlaget &apos;{layer}&apos;: længdefeltet hører til hele objekter, men nogle objekter er linjer i flere dele. Opdel dem først (Processing &apos;Multipart to singleparts&apos;).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/ogr_reader.py" line="184"/>
        <source>Cannot read road layer &apos;{layer}&apos;: {error}. Check the filter expression.</source>
        <translation>Kan ikke læse vejlaget &apos;{layer}&apos;: {error}. Kontrollér filterudtrykket.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/ogr_reader.py" line="189"/>
        <source>Cannot read road layer &apos;{layer}&apos;: {error}.</source>
        <translation>Kan ikke læse vejlaget &apos;{layer}&apos;: {error}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/ogr_reader.py" line="196"/>
        <source>Road layer &apos;{layer}&apos; has features that are not lines (feature ids {fids}). Filter them out or convert them to lines.</source>
        <translation>Vejlaget &apos;{layer}&apos; har objekter, der ikke er linjer (objekt-id&apos;er {fids}). Filtrer dem fra, eller konverter dem til linjer.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/ogr_reader.py" line="262"/>
        <source>The layer&apos;s Arrow stream has no geometry column.</source>
        <translation>Lagets Arrow-strøm har ingen geometrikolonne.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/osm_reader.py" line="152"/>
        <source>OSM file &apos;{path}&apos; does not exist or is not a file.</source>
        <translation>OSM-filen &apos;{path}&apos; findes ikke eller er ikke en fil.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/osm_reader.py" line="156"/>
        <source>Unknown target CRS {crs!r} for &apos;{file}&apos;: {error}</source>
        <translation>Ukendt målkoordinatsystem {crs!r} for &apos;{file}&apos;: {error}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/osm_reader.py" line="228"/>
        <source>Cannot read OSM file &apos;{file}&apos;: {error}. Check that it is an OSM XML (.osm, .osm.bz2) or PBF (.osm.pbf) file and not truncated.</source>
        <translation>Kan ikke læse OSM-filen &apos;{file}&apos;: {error}. Kontrollér, at det er en OSM XML-fil (.osm, .osm.bz2) eller en PBF-fil (.osm.pbf), og at den ikke er afkortet.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/osm_reader.py" line="241"/>
        <source>OSM file &apos;{file}&apos; has no drivable roads or ferries (highway=motorway ... service). Check the extract covers the area.</source>
        <translation>OSM-filen &apos;{file}&apos; har ingen farbare veje eller færger (highway=motorway ... service). Kontrollér, at udtrækket dækker området.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/osm_reader.py" line="246"/>
        <source>OSM file &apos;{file}&apos; has no drivable roads (highway=motorway ... service). Check the extract covers the area.</source>
        <translation>OSM-filen &apos;{file}&apos; har ingen farbare veje (highway=motorway ... service). Kontrollér, at udtrækket dækker området.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/speeds.py" line="216"/>
        <source>Road layer &apos;{layer}&apos;: the speed field &apos;{field}&apos; has implausible speeds (≤ 0 or more than {max:g} km/h) in {count} features: {features}. Correct them, or set them to NULL so the road class&apos;s default speed is used.</source>
        <translation>Vejlaget &apos;{layer}&apos;: hastighedsfeltet &apos;{field}&apos; har usandsynlige hastigheder (≤ 0 eller over {max:g} km/t) i {count} objekter: {features}. Ret dem, eller sæt dem til NULL, så vejklassens standardhastighed bruges.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/speeds.py" line="302"/>
        <source>Speed table row {row} ({value!r}) needs two values: road class and km/h.</source>
        <translation>Række {row} i hastighedstabellen ({value!r}) skal have to værdier: vejklasse og km/t.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/speeds.py" line="313"/>
        <source>Speed table row {row}: the speed for class &apos;{road_class}&apos; is {value!r}; give a positive number of km/h.</source>
        <translation>Række {row} i hastighedstabellen: hastigheden for vejklassen &apos;{road_class}&apos; er {value!r}; angiv et positivt antal km/t.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/network/speeds.py" line="321"/>
        <source>Speed table row {row}: {value!r} km/h for class &apos;{road_class}&apos; is implausible; give at most {max:g} km/h.</source>
        <translation>Hastighedstabellen række {row}: {value!r} km/t for klassen &apos;{road_class}&apos; er usandsynligt; angiv højst {max:g} km/t.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/osm_download.py" line="36"/>
        <source>download a .osm.pbf from a mirror (e.g. download.geofabrik.de/europe/denmark.html) and use the network file parameter instead</source>
        <translation>hent en .osm.pbf fra et spejl (fx download.geofabrik.de/europe/denmark.html), og brug i stedet parameteren for vejnetsfilen</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/osm_download.py" line="55"/>
        <source>The download extent must be four numbers (west, south, east, north) in degrees, got {extent!r}.</source>
        <translation>Downloadudstrækningen skal være fire tal (vest, syd, øst, nord) i grader, angivet: {extent!r}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/osm_download.py" line="61"/>
        <source>The download extent {extent!r} has missing coordinates.</source>
        <translation>Downloadudstrækningen {extent!r} mangler koordinater.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/osm_download.py" line="65"/>
        <source>The download extent (west {west}, south {south}, east {east}, north {north}) is not a valid longitude/latitude box: it needs west &lt; east and south &lt; north, in degrees (EPSG:4326).</source>
        <translation>Downloadudstrækningen (vest {west}, syd {south}, øst {east}, nord {north}) er ikke et gyldigt område i længde-/breddegrader: der skal gælde vest &lt; øst og syd &lt; nord, i grader (EPSG:4326).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/osm_download.py" line="186"/>
        <source>The download extent ({extent}) covers {area:,.0f} km², more than the {max_area:,.0f} km² sundplan downloads through Overpass. Choose a smaller extent, or {hint}.</source>
        <translation>Downloadudstrækningen ({extent}) dækker {area:,.0f} km², mere end de {max_area:,.0f} km², som sundplan henter via Overpass. Vælg en mindre udstrækning, eller {hint}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/osm_download.py" line="198"/>
        <source>Unknown target CRS {crs!r}: {error}</source>
        <translation>Ukendt målkoordinatsystem {crs!r}: {error}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/osm_download.py" line="207"/>
        <source>Downloading the road network needs osmnx ({error}). {hint}</source>
        <translation>Download af vejnettet kræver osmnx ({error}). {hint}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/osm_download.py" line="217"/>
        <source>Cannot create the download cache folder &apos;{folder}&apos;: {error}</source>
        <translation>Kan ikke oprette cachemappen til download &apos;{folder}&apos;: {error}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/osm_download.py" line="228"/>
        <source>the road network</source>
        <translation>vejnettet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/osm_download.py" line="234"/>
        <source>the ferries</source>
        <translation>færgerne</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/osm_download.py" line="238"/>
        <source>Could not download {what} for the extent ({extent}) from Overpass ({endpoint}, {reason}: {error}); {hint}.</source>
        <translation>Kunne ikke hente {what} for udstrækningen ({extent}) fra Overpass ({endpoint}, {reason}: {error}); {hint}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/osm_download.py" line="244"/>
        <location filename="../sundplan_qgis/run_report.py" line="260"/>
        <location filename="../sundplan_qgis/run_report.py" line="341"/>
        <source>unreachable</source>
        <translation>kan ikke nås</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/osm_download.py" line="244"/>
        <source>error</source>
        <translation>fejl</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/osm_download.py" line="257"/>
        <source>OpenStreetMap has no drivable roads or ferries in the download extent ({extent}). Check the extent (and its CRS): it must cover the study area.</source>
        <translation>OpenStreetMap har ingen farbare veje eller færger i downloadudstrækningen ({extent}). Kontrollér udstrækningen (og dens koordinatsystem): den skal dække undersøgelsesområdet.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/osm_download.py" line="262"/>
        <source>OpenStreetMap has no drivable roads in the download extent ({extent}). Check the extent (and its CRS): it must cover the study area.</source>
        <translation>OpenStreetMap har ingen farbare veje i downloadudstrækningen ({extent}). Kontrollér udstrækningen (og dens koordinatsystem): den skal dække undersøgelsesområdet.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/page_text/tables.py" line="561"/>
        <source>Danish</source>
        <translation>Dansk</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/page_text/tables.py" line="561"/>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/page_text/tables.py" line="564"/>
        <source>A4 landscape</source>
        <translation>A4 liggende</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/page_text/tables.py" line="565"/>
        <source>A4 portrait</source>
        <translation>A4 stående</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/page_text/tables.py" line="566"/>
        <source>A3 landscape</source>
        <translation>A3 liggende</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/page_text/tables.py" line="567"/>
        <source>A3 portrait</source>
        <translation>A3 stående</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/placement.py" line="39"/>
        <source>along roads (residential road length)</source>
        <translation>langs veje (længde af boligveje)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/placement.py" line="138"/>
        <source>{count} population polygons have no residential roads ({classes}): their residents were placed along all their roads.</source>
        <translation>{count} befolkningspolygoner har ingen boligveje ({classes}): deres indbyggere er placeret langs alle deres veje.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/placement.py" line="147"/>
        <source>{count} population polygons have no road inside: their residents were spread evenly over the polygon (areal).</source>
        <translation>{count} befolkningspolygoner har ingen vej indenfor: deres indbyggere er fordelt jævnt over polygonen (arealfordelt).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/practices.py" line="58"/>
        <source>Practices without a capacity in &apos;{layer}&apos; ({field}): feature ids {ids}. Fill in the number of full-time ydernumre.</source>
        <translation>Praksis uden kapacitet i &apos;{layer}&apos; ({field}): objekt-id&apos;er {ids}. Udfyld antallet af fuldtids-ydernumre.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/practices.py" line="66"/>
        <source>Capacities that are not finite numbers in &apos;{layer}&apos; ({field}): feature ids {ids}. Fill in the number of full-time ydernumre.</source>
        <translation>Kapaciteter, der ikke er endelige tal, i &apos;{layer}&apos; ({field}): objekt-id {ids}. Udfyld antallet af fuldtids-ydernumre.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/practices.py" line="74"/>
        <source>Negative capacities in &apos;{layer}&apos; ({field}): feature ids {ids}. Capacities are numbers of full-time ydernumre, 0 or more.</source>
        <translation>Negative kapaciteter i &apos;{layer}&apos; ({field}): objekt-id&apos;er {ids}. Kapaciteter er antal fuldtids-ydernumre, 0 eller flere.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/practices.py" line="82"/>
        <source>Every practice of &apos;{layer}&apos; has capacity 0 in &apos;{field}&apos;: there is no capacity to compare with need. Choose the field with the number of full-time ydernumre, or leave the capacity field empty (1 per practice).</source>
        <translation>Alle praksis i &apos;{layer}&apos; har kapacitet 0 i &apos;{field}&apos;: der er ingen kapacitet at sammenligne med behovet. Vælg feltet med antallet af fuldtids-ydernumre, eller lad kapacitetsfeltet være tomt (1 pr. praksis).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="50"/>
        <source>sundhedsråd (17)</source>
        <translation>sundhedsråd (17)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="51"/>
        <source>region (5)</source>
        <translation>region (5)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="52"/>
        <source>region from 2027 (4)</source>
        <translation>region fra 2027 (4)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="53"/>
        <source>kommune (98)</source>
        <translation>kommune (98)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="63"/>
        <source>residents and 75+</source>
        <translation>indbyggere og 75+</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="64"/>
        <source>travel time to the nearest akutsygehus</source>
        <translation>rejsetid til nærmeste akutsygehus</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="65"/>
        <location filename="../sundplan_qgis/run_report.py" line="320"/>
        <source>GP density</source>
        <translation>lægedækning</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="66"/>
        <location filename="../sundplan_qgis/run_report.py" line="321"/>
        <source>2SFCA access</source>
        <translation>2SFCA-adgang</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="67"/>
        <location filename="../sundplan_qgis/run_report.py" line="322"/>
        <source>specialist gaps</source>
        <translation>speciallægedækning</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="69"/>
        <source>not computed: no input</source>
        <translation>ikke beregnet: intet input</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="70"/>
        <source>the embedded FOLK1A population (age composition 2014K1)</source>
        <translation>den indlejrede FOLK1A-befolkning (alderssammensætning 2014K1)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="71"/>
        <source>rows are kommuner</source>
        <translation>rækkerne er kommuner</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="71"/>
        <source>rows are units of the level</source>
        <translation>rækkerne er enheder på niveauet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="72"/>
        <location filename="../sundplan_qgis/projection.py" line="56"/>
        <source>kommune</source>
        <translation>kommune</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="75"/>
        <source>the tool&apos;s P90 of the unit</source>
        <translation>værktøjets egen P90 for enheden</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="76"/>
        <source>highest kommune P90 of the unit (an upper bound)</source>
        <translation>højeste kommune-P90 i enheden (en øvre grænse)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="93"/>
        <source>a need-over-time table (one row per area and year: level, area_code, year, residents, residents_75_plus, need_weighted, base_year)</source>
        <translation>en tabel med behov over tid (én række pr. område og år: level, area_code, year, residents, residents_75_plus, need_weighted, base_year)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="97"/>
        <source>the area summary (AREA_SUMMARY) of sundplan:catchments</source>
        <translation>områdeoversigten (AREA_SUMMARY) fra sundplan:catchments</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="98"/>
        <source>the areas output (AREA_OUTPUT) of sundplan:gp_density</source>
        <translation>områdeoutputtet (AREA_OUTPUT) fra sundplan:gp_density</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="99"/>
        <source>the areas output (AREA_ACCESS) of sundplan:fca_access</source>
        <translation>områdeoutputtet (AREA_ACCESS) fra sundplan:fca_access</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="100"/>
        <source>the output (OUTPUT) of sundplan:specialist_gaps</source>
        <translation>outputtet (OUTPUT) fra sundplan:specialist_gaps</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="160"/>
        <source>Unknown level &apos;{level}&apos;; use one of {levels}.</source>
        <translation>Ukendt niveau &apos;{level}&apos;; brug et af {levels}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="203"/>
        <source>The layer &apos;{layer}&apos; given as {parameter} has no field(s) {fields}. Give {tool}.</source>
        <translation>Laget &apos;{layer}&apos;, der er givet som {parameter}, har ikke feltet/felterne {fields}. Angiv {tool}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="219"/>
        <source>The field &apos;{field}&apos; of &apos;{layer}&apos; ({parameter}) holds values that are not numbers: {values}. Give {tool}, or fix those values.</source>
        <translation>Feltet &apos;{field}&apos; i &apos;{layer}&apos; ({parameter}) indeholder værdier, der ikke er tal: {values}. Angiv {tool}, eller ret de værdier.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="258"/>
        <source>No row of &apos;{layer}&apos; ({parameter}) is a kommune (kommunekode in &apos;{field}&apos;) or a unit of the level &apos;{level}&apos;. First ids: {ids}. Give {tool} run on the kommuner.</source>
        <translation>Ingen række i &apos;{layer}&apos; ({parameter}) er en kommune (kommunekode i &apos;{field}&apos;) eller en enhed på niveauet &apos;{level}&apos;. Første id&apos;er: {ids}. Angiv {tool} kørt på kommunerne.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="344"/>
        <source>The need table &apos;{layer}&apos; (NEED_TABLE) has no rows for the year {year}; it holds {years}. Choose a TARGET_YEAR it holds, or extend the projection.</source>
        <translation>Behovstabellen &apos;{layer}&apos; (NEED_TABLE) har ingen rækker for året {year}; den indeholder {years}. Vælg et TARGET_YEAR, den indeholder, eller udvid fremskrivningen.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="355"/>
        <source>The need table &apos;{layer}&apos; (NEED_TABLE) has no rows of level &apos;kommune&apos; or &apos;{level}&apos;. Give the need table per kommune.</source>
        <translation>Behovstabellen &apos;{layer}&apos; (NEED_TABLE) har ingen rækker på niveauet &apos;kommune&apos; eller &apos;{level}&apos;. Angiv behovstabellen pr. kommune.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="448"/>
        <source>&apos;{layer}&apos; (TRAVEL_AREAS) has no field {field}: the share beyond {minutes:g} minutes is not computed. Run sundplan:catchments with {minutes:g} among the BANDS.</source>
        <translation>&apos;{layer}&apos; (TRAVEL_AREAS) har ikke feltet {field}: andelen over {minutes:g} minutter er ikke beregnet. Kør sundplan:catchments med {minutes:g} blandt BANDS.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="595"/>
        <source>Residents and 75+</source>
        <translation>Indbyggere og 75+</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="633"/>
        <source>&apos;{layer}&apos; ({parameter}) has rows for {n} of the {total} kommuner: its national value is over those kommuner only, and a unit without rows is printed as –.</source>
        <translation>&apos;{layer}&apos; ({parameter}) har rækker for {n} af de {total} kommuner: dens landsværdi er kun over disse kommuner, og en enhed uden rækker skrives som –.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="677"/>
        <source>No NEED_TABLE given: the target year is printed as not given; today&apos;s residents are the embedded FOLK1A population.</source>
        <translation>Ingen NEED_TABLE angivet: målåret skrives som ikke angivet; dagens indbyggere er den indlejrede FOLK1A-befolkning.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="684"/>
        <source>No {parameter} given: &apos;{section}&apos; is printed as not computed.</source>
        <translation>Ingen {parameter} angivet: &apos;{section}&apos; skrives som ikke beregnet.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/profile.py" line="701"/>
        <source>Indicators ready</source>
        <translation>Nøgletal klar</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="63"/>
        <source>all levels</source>
        <translation>alle niveauer</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="69"/>
        <source>embedded FOLK1A (population {total_quarter}, age/sex {age_quarter})</source>
        <translation>indbygget FOLK1A (befolkning {total_quarter}, alder og køn {age_quarter})</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="137"/>
        <source>Population table &apos;{source}&apos;: columns recognised {columns}; years {years}.</source>
        <translation>Befolkningstabel &apos;{source}&apos;: genkendte kolonner {columns}; år {years}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="180"/>
        <source>The population table &apos;{path}&apos; does not exist.</source>
        <translation>Befolkningstabellen &apos;{path}&apos; findes ikke.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="186"/>
        <source>Cannot read the population table &apos;{path}&apos;: {error}</source>
        <translation>Kan ikke læse befolkningstabellen &apos;{path}&apos;: {error}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="225"/>
        <source>The population table &apos;{source}&apos; has no column for {missing}. It needs kommune (code or name), sex, age group, year and persons; recognised: {recognised}; columns found: {columns}.</source>
        <translation>Befolkningstabellen &apos;{source}&apos; har ingen kolonne for {missing}. Den skal have kommune (kode eller navn), køn, aldersgruppe, år og personer; genkendt: {recognised}; fundne kolonner: {columns}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="235"/>
        <source>The population table &apos;{source}&apos; has no rows.</source>
        <translation>Befolkningstabellen &apos;{source}&apos; har ingen rækker.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="249"/>
        <source>{n} row(s) of Christiansø (0411, not a kommune) are left out.</source>
        <translation>{n} række(r) for Christiansø (0411, ikke en kommune) er udeladt.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="259"/>
        <source>The population table &apos;{source}&apos; has kommune codes or names that are not among the 98 kommuner: {codes} ({n} in all). Use kommunekoder (101 or 0101) or kommune names; leave out rows of regions or the whole country.</source>
        <translation>Befolkningstabellen &apos;{source}&apos; har kommunekoder eller -navne, der ikke er blandt de 98 kommuner: {codes} ({n} i alt). Brug kommunekoder (101 eller 0101) eller kommunenavne; udelad rækker for regioner eller hele landet.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="270"/>
        <source>The population table &apos;{source}&apos; (column &apos;{column}&apos;) has sex values {values}; use m (men) or k (women), one row per sex.</source>
        <translation>Befolkningstabellen &apos;{source}&apos; (kolonnen &apos;{column}&apos;) har kønsværdierne {values}; brug m (mænd) eller k (kvinder), én række pr. køn.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="284"/>
        <source>The population table &apos;{source}&apos; (column &apos;{column}&apos;) has age groups {values} that are not 5-year groups; use {groups}.</source>
        <translation>Befolkningstabellen &apos;{source}&apos; (kolonnen &apos;{column}&apos;) har aldersgrupperne {values}, som ikke er 5-års-grupper; brug {groups}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="296"/>
        <source>The population table &apos;{source}&apos; (column &apos;{column}&apos;) has rows without a year (line {rows}: {values}). Write the year as 2030.</source>
        <translation>Befolkningstabellen &apos;{source}&apos; (kolonnen &apos;{column}&apos;) har rækker uden år (linje {rows}: {values}). Skriv året som 2030.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="310"/>
        <source>The population table &apos;{source}&apos; (column &apos;{column}&apos;) has persons that are empty, not a number or negative in {n} row(s): {rows}. Fill in 0 where nobody lives.</source>
        <translation>Befolkningstabellen &apos;{source}&apos; (kolonnen &apos;{column}&apos;) har personantal, der er tomme, ikke tal eller negative, i {n} række(r): {rows}. Skriv 0, hvor ingen bor.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="317"/>
        <source>line {line} ({kommune} {sex} {age} {year}: &apos;{value}&apos;)</source>
        <translation>linje {line} ({kommune} {sex} {age} {year}: &apos;{value}&apos;)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="351"/>
        <source>The population table &apos;{source}&apos; has {n} year/kommune/sex/age group combination(s) more than once: {rows}. Give each once (sum single ages into the 5-year groups before).</source>
        <translation>Befolkningstabellen &apos;{source}&apos; har {n} kombination(er) af år/kommune/køn/aldersgruppe mere end én gang: {rows}. Angiv hver én gang (læg enkelte aldre sammen i 5-års-grupperne først).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="362"/>
        <source>The population table &apos;{source}&apos; has no rows for {n} of the 98 kommuner: {kommuner}. The need index compares with the whole country: give every kommune.</source>
        <translation>Befolkningstabellen &apos;{source}&apos; har ingen rækker for {n} af de 98 kommuner: {kommuner}. Behovsindekset sammenligner med hele landet: angiv alle kommuner.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="370"/>
        <source>sexes</source>
        <translation>køn</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="371"/>
        <source>age groups</source>
        <translation>aldersgrupper</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="375"/>
        <source>The population table &apos;{source}&apos; has no rows for the {what} {values} ({n} missing). Every year and kommune needs both sexes (m, k) and all 18 age groups (0_4 … 85_plus).</source>
        <translation>Befolkningstabellen &apos;{source}&apos; har ingen rækker for {what} {values} ({n} mangler). Hvert år og hver kommune skal have begge køn (m, k) og alle 18 aldersgrupper (0_4 … 85_plus).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="392"/>
        <source>The population table &apos;{source}&apos; is incomplete: {n} year/kommune/sex/age group row(s) are missing ({per_year}), e.g. {rows}. Every year needs every kommune, both sexes and all 18 age groups.</source>
        <translation>Befolkningstabellen &apos;{source}&apos; er ufuldstændig: {n} række(r) af år/kommune/køn/aldersgruppe mangler ({per_year}), fx {rows}. Hvert år skal have alle kommuner, begge køn og alle 18 aldersgrupper.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="503"/>
        <source>The population table &apos;{source}&apos; has no year {years}; its years are {available}.</source>
        <translation>Befolkningstabellen &apos;{source}&apos; har ikke året {years}; dens år er {available}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="513"/>
        <source>The population table &apos;{source}&apos; has no residents in the base year {year}.</source>
        <translation>Befolkningstabellen &apos;{source}&apos; har ingen indbyggere i basisåret {year}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="593"/>
        <source>&apos;{value}&apos; is not a year or a range of years (write 2030 or 2025-2030).</source>
        <translation>&apos;{value}&apos; er ikke et år eller et interval af år (skriv 2030 eller 2025-2030).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="611"/>
        <source>Need-weighted residents per kommune and year</source>
        <translation>Behovsvægtede indbyggere pr. kommune og år</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="639"/>
        <source>embedded (no columns to recognise)</source>
        <translation>indbygget (ingen kolonner at genkende)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="648"/>
        <source>Σ persons × weight(age group, sex), not rescaled per year</source>
        <translation>Σ personer × vægt(aldersgruppe, køn), ikke omskaleret pr. år</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="649"/>
        <source>need per resident ÷ need per resident of the whole country in the base year × 100</source>
        <translation>behov pr. indbygger ÷ behov pr. indbygger i hele landet i basisåret × 100</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/projection.py" line="652"/>
        <source>change of need_weighted from the base year, %</source>
        <translation>ændring af need_weighted fra basisåret, %</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/rasters.py" line="74"/>
        <source>The raster cell size must be positive (got {cell_size_m} m).</source>
        <translation>Rasterets cellestørrelse skal være positiv (angivet: {cell_size_m} m).</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/rasters.py" line="83"/>
        <source>The output raster would have {width} × {height} cells at {cell_size_m} m; choose a larger cell size.</source>
        <translation>Resultatrasteret ville få {width} × {height} celler ved {cell_size_m} m; vælg en større cellestørrelse.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/rasters.py" line="136"/>
        <source>The population raster &apos;{raster}&apos; has no CRS. Assign its CRS (for Danish grids usually EPSG:25832) in the layer properties or with gdal_edit.py -a_srs.</source>
        <translation>Befolkningsrasteret &apos;{raster}&apos; har intet koordinatsystem. Tildel det dets koordinatsystem (for danske grids typisk EPSG:25832) i lagegenskaberne eller med gdal_edit.py -a_srs.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/rasters.py" line="143"/>
        <source>The population raster &apos;{raster}&apos; is rotated; warp it to a north-up grid first.</source>
        <translation>Befolkningsrasteret &apos;{raster}&apos; er roteret; transformér det (warp) til et nordvendt grid først.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/rasters.py" line="149"/>
        <source>Cannot read the population raster &apos;{path}&apos;: {error}</source>
        <translation>Kan ikke læse befolkningsrasteret &apos;{path}&apos;: {error}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/rasters.py" line="155"/>
        <source>The population raster &apos;{raster}&apos; has {count} cells with negative values (first at row {row}, column {column}: {value}). Population must be ≥ 0; set those cells to 0 or nodata.</source>
        <translation>Befolkningsrasteret &apos;{raster}&apos; har {count} celler med negative værdier (første i række {row}, kolonne {column}: {value}). Befolkningen skal være ≥ 0; sæt de celler til 0 eller nodata.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/rasters.py" line="170"/>
        <source>raster cells (cell centre)</source>
        <translation>rasterceller (cellecentrum)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/rasters.py" line="215"/>
        <source>Reading the population raster &apos;{raster}&apos;</source>
        <translation>Læser befolkningsrasteret &apos;{raster}&apos;</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/rasters.py" line="292"/>
        <source>The population layer &apos;{layer}&apos; has {count} features with a NULL or non-numeric population (first: feature id {fid}). Fill them in with numbers (0 if nobody lives there) or filter them out.</source>
        <translation>Befolkningslaget &apos;{layer}&apos; har {count} objekter med NULL eller en ikke-numerisk værdi som befolkning (første: objekt-id {fid}). Udfyld dem med tal (0, hvis ingen bor der), eller filtrer dem fra.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/rasters.py" line="302"/>
        <source>The population layer &apos;{layer}&apos; has {count} features with a negative population (first: feature id {fid}, value {value}). Population must be ≥ 0.</source>
        <translation>Befolkningslaget &apos;{layer}&apos; har {count} objekter med negativ befolkning (første: objekt-id {fid}, værdi {value}). Befolkningen skal være ≥ 0.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/rasters.py" line="313"/>
        <source>The population layer &apos;{layer}&apos; has {count} features without a geometry (first: feature id {fid}). Repair or remove them.</source>
        <translation>Befolkningslaget &apos;{layer}&apos; har {count} objekter uden geometri (første: objekt-id {fid}). Reparer eller fjern dem.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/rasters.py" line="565"/>
        <location filename="../sundplan_qgis/snapping.py" line="308"/>
        <source>Snapping locations {start:,}–{stop:,} of {n:,}</source>
        <translation>Knytter steder {start:,}–{stop:,} af {n:,} til vejnettet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/rasters.py" line="670"/>
        <source>Areal: spread evenly over the polygon (raster cells)</source>
        <translation>Arealfordelt: jævnt fordelt over polygonen (rasterceller)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/rasters.py" line="671"/>
        <source>Centroid: one point inside each polygon</source>
        <translation>Centroide: ét punkt inde i hver polygon</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/rasters.py" line="672"/>
        <source>Along roads: by the length of residential roads in the polygon</source>
        <translation>Langs vejene: efter længden af boligveje i polygonen</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/rasters.py" line="706"/>
        <source>Unknown allocation method &apos;{method}&apos;: use &apos;roads&apos;, &apos;areal&apos; or &apos;centroid&apos;.</source>
        <translation>Ukendt fordelingsmetode &apos;{method}&apos;: brug &apos;roads&apos;, &apos;areal&apos; eller &apos;centroid&apos;.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/rasters.py" line="725"/>
        <source>polygons (point on surface)</source>
        <translation>polygoner (punkt på fladen)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/rasters.py" line="736"/>
        <source>polygons (areal: spread evenly over {cell_size_m:g} m cells)</source>
        <translation>polygoner (arealvægtet: fordelt jævnt over celler på {cell_size_m:g} m)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/rasters.py" line="757"/>
        <source>polygons ({method}, per {cell_size_m:g} m cell)</source>
        <translation>polygoner ({method}, pr. celle på {cell_size_m:g} m)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/reference.py" line="357"/>
        <source>overview: main roads only (OpenStreetMap 2021)</source>
        <translation>oversigt: kun hovedveje (OpenStreetMap 2021)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/reference.py" line="423"/>
        <source>The grouping table gives some areas more than one unit: {areas}. List every area id once.</source>
        <translation>Grupperingstabellen giver nogle områder mere end én enhed: {areas}. Angiv hvert område-id én gang.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="20"/>
        <source>Sundplan run report</source>
        <translation>Sundplan kørselsrapport</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="24"/>
        <source>access speed (km/h)</source>
        <translation>tilkørselshastighed (km/t)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="25"/>
        <source>added</source>
        <translation>tilføjet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="26"/>
        <source>added hospitals</source>
        <translation>tilføjede akutsygehuse</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="27"/>
        <source>age group</source>
        <translation>aldersgruppe</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="28"/>
        <source>algorithm</source>
        <translation>algoritme</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="29"/>
        <source>allocation</source>
        <translation>fordeling</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="31"/>
        <source>areas</source>
        <translation>områder</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="32"/>
        <source>areas outside the grouping</source>
        <translation>områder uden for inddeling</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="33"/>
        <source>band rule</source>
        <translation>regel for tidsintervaller</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="34"/>
        <source>time bands (min)</source>
        <translation>tidsintervaller (min)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="36"/>
        <location filename="../sundplan_qgis/run_report.py" line="338"/>
        <source>baseline</source>
        <translation>udgangssituation</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="37"/>
        <source>baseline run</source>
        <translation>kørsel for udgangssituationen</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="38"/>
        <source>batch size</source>
        <translation>portionsstørrelse</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="39"/>
        <source>batches</source>
        <translation>portioner</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="40"/>
        <source>best need-adjusted GPs per 10 000</source>
        <translation>bedste behovsjusterede læger pr. 10.000</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="41"/>
        <source>best unit</source>
        <translation>bedste enhed</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="42"/>
        <source>building (s)</source>
        <translation>opbygning (s)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="43"/>
        <source>capacity</source>
        <translation>kapacitet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="44"/>
        <source>capacity by specialty</source>
        <translation>kapacitet pr. speciale</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="45"/>
        <source>capacity field</source>
        <translation>kapacitetsfelt</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="46"/>
        <source>capacity of practices reaching demand</source>
        <translation>kapacitet hos praksis, der når efterspørgsel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="47"/>
        <source>capacity outside all areas</source>
        <translation>kapacitet uden for alle områder</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="48"/>
        <source>capacity outside the grouping</source>
        <translation>kapacitet uden for inddeling</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="49"/>
        <source>capacity reaching nobody</source>
        <translation>kapacitet, der ikke når nogen</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="50"/>
        <source>capacity source</source>
        <translation>kilde til kapacitet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="51"/>
        <source>capacity to add</source>
        <translation>kapacitet, der skal tilføjes</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="52"/>
        <source>capacity to remove</source>
        <translation>kapacitet, der skal fjernes</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="53"/>
        <source>capacity today</source>
        <translation>nuværende kapacitet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="54"/>
        <source>total capacity</source>
        <translation>samlet kapacitet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="55"/>
        <source>catchment area (km²)</source>
        <translation>optageområdernes areal (km²)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="56"/>
        <source>cell size (m)</source>
        <translation>cellestørrelse (m)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="57"/>
        <source>cells computed</source>
        <translation>beregnede celler</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="58"/>
        <source>centre x</source>
        <translation>centrum x</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="59"/>
        <source>centre y</source>
        <translation>centrum y</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="60"/>
        <source>change needed</source>
        <translation>nødvendig ændring</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="61"/>
        <source>class</source>
        <translation>klasse</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="62"/>
        <source>closed</source>
        <translation>lukket</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="63"/>
        <source>closed hospitals</source>
        <translation>lukkede akutsygehuse</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="64"/>
        <source>columns</source>
        <translation>kolonner</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="65"/>
        <source>component</source>
        <translation>komponent</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="66"/>
        <source>components</source>
        <translation>komponenter</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="67"/>
        <source>conservation</source>
        <translation>bevarelse</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="68"/>
        <source>count</source>
        <translation>antal</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="69"/>
        <source>coverage</source>
        <translation>dækning</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="70"/>
        <source>coverage by specialty</source>
        <translation>dækning pr. speciale</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="71"/>
        <source>definition</source>
        <translation>definition</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="72"/>
        <source>demand</source>
        <translation>efterspørgsel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="73"/>
        <source>total demand</source>
        <translation>samlet efterspørgsel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="74"/>
        <source>detected</source>
        <translation>fundet automatisk</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="75"/>
        <source>detour factor</source>
        <translation>omvejsfaktor</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="76"/>
        <source>shape points contracted (searches on the junctions)</source>
        <translation>mellempunkter trukket sammen (søgning på kryds)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="77"/>
        <source>directed edges</source>
        <translation>rettede kanter</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="78"/>
        <source>disconnected parts</source>
        <translation>afskårne dele</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="79"/>
        <source>dissimilarity index</source>
        <translation>ulighedsindeks (dissimilaritet)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="80"/>
        <source>distinct practice nodes</source>
        <translation>forskellige praksisknudepunkter</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="81"/>
        <source>duration</source>
        <translation>varighed</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="82"/>
        <source>fair share</source>
        <translation>rimelig andel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="84"/>
        <source>fields</source>
        <translation>felter</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="85"/>
        <source>filter</source>
        <translation>filter</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="86"/>
        <source>gap</source>
        <translation>afvigelse</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="87"/>
        <source>Gini coefficient</source>
        <translation>Gini-koefficient</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="88"/>
        <source>Gini coefficient, capacity against need</source>
        <translation>Gini-koefficient, kapacitet mod behov</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="89"/>
        <source>GP capacity</source>
        <translation>lægekapacitet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="90"/>
        <source>GPs per 10 000</source>
        <translation>læger pr. 10.000</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="91"/>
        <source>grouping</source>
        <translation>inddeling</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="92"/>
        <source>grouping levels</source>
        <translation>inddelingsniveauer</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="93"/>
        <source>height (cells)</source>
        <translation>højde (celler)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="94"/>
        <source>hospital</source>
        <translation>akutsygehus</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="95"/>
        <source>hospital id</source>
        <translation>akutsygehusets id</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="96"/>
        <source>hospital ids</source>
        <translation>akutsygehusenes id&apos;er</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="97"/>
        <source>hospitals</source>
        <translation>akutsygehuse</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="98"/>
        <source>include ferries</source>
        <translation>medtag færger</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="99"/>
        <source>graph cache</source>
        <translation>grafcache</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="100"/>
        <source>graph cache key</source>
        <translation>grafcachens nøgle</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="101"/>
        <source>inhabitants per GP</source>
        <translation>indbyggere pr. læge</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="102"/>
        <source>inputs</source>
        <translation>inddata</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="103"/>
        <source>kind</source>
        <translation>art</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="104"/>
        <source>known</source>
        <translation>kendt</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="105"/>
        <source>kommuner</source>
        <translation>kommuner</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="106"/>
        <source>label</source>
        <translation>betegnelse</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="107"/>
        <source>land area (km²)</source>
        <translation>landareal (km²)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="108"/>
        <source>land mask</source>
        <translation>landmaske</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="109"/>
        <source>land parts</source>
        <translation>landdele</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="110"/>
        <source>language</source>
        <translation>sprog</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="111"/>
        <source>layer</source>
        <translation>lag</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="112"/>
        <source>level</source>
        <translation>niveau</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="113"/>
        <source>levels</source>
        <translation>niveauer</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="114"/>
        <source>lines</source>
        <translation>linjer</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="115"/>
        <source>locating (s)</source>
        <translation>placering (s)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="116"/>
        <source>locations</source>
        <translation>steder</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="117"/>
        <source>locations by status</source>
        <translation>steder efter status</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="118"/>
        <source>locations off land</source>
        <translation>steder uden for land</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="119"/>
        <source>low access (per 10 000)</source>
        <translation>lav tilgængelighed (pr. 10.000)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="120"/>
        <source>maximum snap distance (m)</source>
        <translation>maksimal tilknytningsafstand (m)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="121"/>
        <source>mean access covers</source>
        <translation>gennemsnitlig tilgængelighed omfatter</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="122"/>
        <source>mean change covers</source>
        <translation>gennemsnitlig ændring omfatter</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="123"/>
        <source>method</source>
        <translation>metode</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="124"/>
        <source>number</source>
        <translation>antal</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="125"/>
        <source>number balanced</source>
        <translation>antal i balance</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="126"/>
        <source>number over-supplied</source>
        <translation>antal overdækkede</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="127"/>
        <source>number with a GP shortage</source>
        <translation>antal med lægemangel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="128"/>
        <source>number under-supplied</source>
        <translation>antal underdækkede</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="129"/>
        <source>number of units</source>
        <translation>antal enheder</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="130"/>
        <source>name</source>
        <translation>navn</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="131"/>
        <source>nearest road (m)</source>
        <translation>nærmeste vej (m)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="132"/>
        <source>change of need (%)</source>
        <translation>ændring i behov (%)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="133"/>
        <source>need-adjusted GPs per 10 000</source>
        <translation>behovsjusterede læger pr. 10.000</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="134"/>
        <source>need index</source>
        <translation>behovsindeks</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="135"/>
        <location filename="../sundplan_qgis/run_report.py" line="138"/>
        <source>need-weighted population</source>
        <translation>behovsvægtet befolkning</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="136"/>
        <source>need-weighted population, total</source>
        <translation>behovsvægtet befolkning i alt</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="137"/>
        <source>need-weighted residents</source>
        <translation>behovsvægtede indbyggere</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="139"/>
        <source>need weighting applied</source>
        <translation>behovsvægtning anvendt</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="140"/>
        <location filename="../sundplan_qgis/run_report.py" line="271"/>
        <source>need weights</source>
        <translation>behovsvægte</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="142"/>
        <source>network part</source>
        <translation>vejnetsdel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="143"/>
        <source>node order</source>
        <translation>knudepunkternes rækkefølge</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="144"/>
        <source>nodes</source>
        <translation>knudepunkter</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="145"/>
        <source>nodes reaching a hospital</source>
        <translation>knudepunkter, der når et akutsygehus</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="146"/>
        <source>nodes settled, total</source>
        <translation>afgjorte knudepunkter i alt</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="147"/>
        <source>residents not reached</source>
        <translation>indbyggere, der ikke nås</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="148"/>
        <source>note</source>
        <translation>bemærkning</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="149"/>
        <source>notes</source>
        <translation>bemærkninger</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="150"/>
        <source>of the run</source>
        <translation>for kørslen</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="152"/>
        <source>output</source>
        <translation>resultat</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="153"/>
        <source>over-supply ratio</source>
        <translation>grænse for overdækning (forhold)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="154"/>
        <source>page</source>
        <translation>side</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="155"/>
        <source>pages</source>
        <translation>sider</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="156"/>
        <source>pairs</source>
        <translation>par</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="157"/>
        <source>pairs kept in</source>
        <translation>par holdt i</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="158"/>
        <source>pairs within the threshold</source>
        <translation>par inden for tærsklen</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="159"/>
        <source>parameters</source>
        <translation>parametre</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="160"/>
        <source>parts</source>
        <translation>dele</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="161"/>
        <source>parts without a hospital</source>
        <translation>dele uden akutsygehus</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="162"/>
        <source>planned</source>
        <translation>planlagt</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="163"/>
        <source>platform</source>
        <translation>platform</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="164"/>
        <source>polygons along all roads</source>
        <translation>polygoner langs alle veje</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="165"/>
        <source>polygons along residential roads</source>
        <translation>polygoner langs boligveje</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="166"/>
        <source>polygons (s)</source>
        <translation>polygoner (s)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="167"/>
        <source>polygons without roads (areal)</source>
        <translation>polygoner uden veje (arealvægtet)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="168"/>
        <source>population</source>
        <translation>befolkning</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="169"/>
        <source>population changing hospital</source>
        <translation>befolkning, der skifter akutsygehus</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="170"/>
        <source>population in areas with a GP shortage</source>
        <translation>befolkning i områder med lægemangel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="171"/>
        <source>population newly reached</source>
        <translation>befolkning, der nu nås</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="172"/>
        <source>population newly not reached</source>
        <translation>befolkning, der ikke længere nås</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="173"/>
        <source>population not located</source>
        <translation>befolkning uden placering på vejnettet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="174"/>
        <source>population not reached in both runs</source>
        <translation>befolkning, der ikke nås i nogen af kørslerne</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="175"/>
        <source>population off land</source>
        <translation>befolkning uden for land</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="176"/>
        <source>population outside the grouping</source>
        <translation>befolkning uden for inddeling</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="177"/>
        <source>population served</source>
        <translation>betjent befolkning</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="178"/>
        <source>population source</source>
        <translation>befolkningskilde</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="179"/>
        <source>population table</source>
        <translation>befolkningstabel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="180"/>
        <source>total population</source>
        <translation>samlet befolkning</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="181"/>
        <source>population-weighted mean access (per 10 000)</source>
        <translation>befolkningsvægtet gennemsnitlig tilgængelighed (pr. 10.000)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="184"/>
        <source>population-weighted mean change (min)</source>
        <translation>befolkningsvægtet gennemsnitlig ændring (min)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="185"/>
        <source>population with a longer trip</source>
        <translation>befolkning med længere rejsetid</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="186"/>
        <source>population with a shorter trip</source>
        <translation>befolkning med kortere rejsetid</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="187"/>
        <source>practice</source>
        <translation>praksis</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="188"/>
        <source>practices</source>
        <translation>praksis</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="189"/>
        <location filename="../sundplan_qgis/run_report.py" line="190"/>
        <source>practices outside all areas</source>
        <translation>praksis uden for alle områder</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="191"/>
        <source>practices not on the network</source>
        <translation>praksis uden tilknytning til vejnettet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="192"/>
        <source>printed on the pages</source>
        <translation>trykt på siderne</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="193"/>
        <source>provenance</source>
        <translation>proveniens</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="194"/>
        <source>rank rule</source>
        <translation>rangregel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="195"/>
        <source>reached</source>
        <translation>nået</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="196"/>
        <source>reaching no demand</source>
        <translation>når ingen efterspørgsel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="197"/>
        <source>reading and building (s)</source>
        <translation>indlæsning og opbygning (s)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="198"/>
        <source>reading (s)</source>
        <translation>indlæsning (s)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="199"/>
        <source>reason</source>
        <translation>årsag</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="200"/>
        <source>reference</source>
        <translation>reference</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="201"/>
        <source>reference totals</source>
        <translation>referencetotaler</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="202"/>
        <source>relative difference</source>
        <translation>relativ forskel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="203"/>
        <source>relocation</source>
        <translation>omfordeling</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="204"/>
        <source>residents</source>
        <translation>indbyggere</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="205"/>
        <source>residents aged 75+</source>
        <translation>indbyggere på 75 år og derover</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="206"/>
        <source>residents by it</source>
        <translation>indbyggere ved den</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="207"/>
        <source>road class weights (per m)</source>
        <translation>vægte pr. vejklasse (pr. m)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="208"/>
        <source>road length (km)</source>
        <translation>vejlængde (km)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="209"/>
        <source>rounding</source>
        <translation>afrunding</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="210"/>
        <source>rows</source>
        <translation>rækker</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="211"/>
        <source>rule</source>
        <translation>regel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="212"/>
        <source>sample spacing (m)</source>
        <translation>punktafstand (m)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="213"/>
        <location filename="../sundplan_qgis/run_report.py" line="339"/>
        <source>scenario</source>
        <translation>scenarie</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="214"/>
        <source>scenario run</source>
        <translation>kørsel for scenariet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="215"/>
        <source>directed edges searched</source>
        <translation>søgte rettede kanter</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="216"/>
        <source>nodes searched (junctions; shape points read off their roads)</source>
        <translation>søgte knuder (kryds; mellempunkter aflæst på deres vej)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="217"/>
        <source>sex</source>
        <translation>køn</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="218"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="219"/>
        <source>share not reached</source>
        <translation>andel ikke nået</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="220"/>
        <source>shortage rule</source>
        <translation>regel for lægemangel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="221"/>
        <source>shortage threshold</source>
        <translation>tærskel for lægemangel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="222"/>
        <source>source of the shortage threshold</source>
        <translation>kilde til tærsklen for lægemangel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="223"/>
        <source>shortest paths</source>
        <translation>korteste veje</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="224"/>
        <source>snapping</source>
        <translation>tilknytning</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="225"/>
        <source>snap distance (m)</source>
        <translation>tilknytningsafstand (m)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="226"/>
        <source>solving (s)</source>
        <translation>beregning (s)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="227"/>
        <source>source</source>
        <translation>kilde</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="228"/>
        <source>specialties</source>
        <translation>specialer</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="231"/>
        <source>speed (km/h)</source>
        <translation>hastighed (km/t)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="232"/>
        <source>speeds (km/h)</source>
        <translation>hastigheder (km/t)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="233"/>
        <source>spread, difference</source>
        <translation>spredning, forskel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="234"/>
        <source>spread, ratio best to worst</source>
        <translation>spredning, forhold mellem bedste og dårligste</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="235"/>
        <source>statistics</source>
        <translation>statistik</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="236"/>
        <source>statistics cover</source>
        <translation>statistikken omfatter</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="237"/>
        <source>sum of access × demand</source>
        <translation>sum af tilgængelighed × efterspørgsel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="238"/>
        <source>sum of fair shares, base year</source>
        <translation>sum af rimelige andele, basisår</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="239"/>
        <source>sum of fair shares, target year</source>
        <translation>sum af rimelige andele, målår</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="240"/>
        <source>summaries (s)</source>
        <translation>opsummeringer (s)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="241"/>
        <source>summary</source>
        <translation>oversigt</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="242"/>
        <source>surface grid</source>
        <translation>fladegitter</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="243"/>
        <source>table</source>
        <translation>tabel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="245"/>
        <source>text</source>
        <translation>tekst</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="246"/>
        <source>threshold rule</source>
        <translation>tærskelregel</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="247"/>
        <source>thresholds</source>
        <translation>tærskler</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="248"/>
        <source>tie rule</source>
        <translation>regel ved lige rejsetider</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="249"/>
        <source>time limit (min)</source>
        <translation>tidsgrænse (min)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="250"/>
        <source>time method</source>
        <translation>tidsmetode</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="251"/>
        <source>time (UTC)</source>
        <translation>tidspunkt (UTC)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="252"/>
        <source>timings (s)</source>
        <translation>tidsforbrug (s)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="253"/>
        <source>total</source>
        <translation>i alt</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="254"/>
        <source>travel times</source>
        <translation>rejsetider</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="255"/>
        <source>two-step</source>
        <translation>to trin</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="256"/>
        <source>under-supply ratio</source>
        <translation>grænse for underdækning (forhold)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="257"/>
        <source>unit</source>
        <translation>enhed</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="258"/>
        <source>units</source>
        <translation>enheder</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="259"/>
        <source>units without capacity data</source>
        <translation>enheder uden kapacitetsdata</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="261"/>
        <source>why unreachable</source>
        <translation>hvorfor ikke nåelig</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="263"/>
        <source>why not on the network</source>
        <translation>hvorfor ikke tilknyttet vejnettet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="264"/>
        <source>used</source>
        <translation>anvendt</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="265"/>
        <source>value</source>
        <translation>værdi</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="266"/>
        <source>version</source>
        <translation>version</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="267"/>
        <source>versions</source>
        <translation>versioner</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="268"/>
        <source>warning threshold (%)</source>
        <translation>advarselsgrænse (%)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="269"/>
        <source>warnings</source>
        <translation>advarsler</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="270"/>
        <source>weight</source>
        <translation>vægt</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="272"/>
        <source>weights used</source>
        <translation>anvendte vægte</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="273"/>
        <source>width (cells)</source>
        <translation>bredde (celler)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="274"/>
        <source>worker processes</source>
        <translation>arbejdsprocesser</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="275"/>
        <source>worst areas</source>
        <translation>dårligste områder</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="276"/>
        <source>worst need-adjusted GPs per 10 000</source>
        <translation>dårligste behovsjusterede læger pr. 10.000</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="277"/>
        <source>worst unit</source>
        <translation>dårligste enhed</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="279"/>
        <source>aggregation</source>
        <translation>sammenlægning</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="280"/>
        <source>beyond the snap distance</source>
        <translation>uden for tilknytningsafstanden</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="281"/>
        <source>candidate sites</source>
        <translation>kandidatsteder</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="282"/>
        <source>demand beyond the time limit, after</source>
        <translation>efterspørgsel uden for tidsgrænsen, efter</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="283"/>
        <source>demand beyond the time limit, before</source>
        <translation>efterspørgsel uden for tidsgrænsen, før</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="284"/>
        <source>demand (s)</source>
        <translation>efterspørgsel (s)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="285"/>
        <source>demand within the time limit, after</source>
        <translation>efterspørgsel inden for tidsgrænsen, efter</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="286"/>
        <source>demand within the time limit, before</source>
        <translation>efterspørgsel inden for tidsgrænsen, før</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="287"/>
        <source>existing sites</source>
        <translation>eksisterende steder</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="288"/>
        <source>gain</source>
        <translation>gevinst</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="289"/>
        <source>grid spacing (m)</source>
        <translation>gitterafstand (m)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="290"/>
        <source>number of new sites (k)</source>
        <translation>antal nye steder (k)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="291"/>
        <source>exact solver up to (nonzeros)</source>
        <translation>eksakt løser op til (ikke-nul-elementer)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="292"/>
        <source>mean travel time after (min)</source>
        <translation>middelrejsetid efter (min)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="293"/>
        <source>mean travel time before (min)</source>
        <translation>middelrejsetid før (min)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="294"/>
        <source>method used</source>
        <translation>anvendt metode</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="295"/>
        <source>optimality gap</source>
        <translation>afstand til optimum</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="296"/>
        <source>model</source>
        <translation>model</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="297"/>
        <source>nonzeros</source>
        <translation>ikke-nul-elementer</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="298"/>
        <source>objective</source>
        <translation>mål</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="299"/>
        <source>objective (solver&apos;s own value)</source>
        <translation>målværdi (løserens egen værdi)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="300"/>
        <source>objective, in words</source>
        <translation>mål, i ord</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="301"/>
        <source>on the road network</source>
        <translation>på vejnettet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="302"/>
        <source>proven optimal</source>
        <translation>bevist optimal</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="303"/>
        <source>pairs within the time limit</source>
        <translation>par inden for tidsgrænsen</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="304"/>
        <source>residents in total</source>
        <translation>indbyggere i alt</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="305"/>
        <source>result</source>
        <translation>resultat</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="306"/>
        <source>shortest-path searches</source>
        <translation>korteste-vej-søgninger</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="307"/>
        <source>solver</source>
        <translation>løser</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="308"/>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="309"/>
        <source>time limit rule</source>
        <translation>regel for tidsgrænsen</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="310"/>
        <source>time limit (s)</source>
        <translation>tidsgrænse (s)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="311"/>
        <source>travel times (s)</source>
        <translation>rejsetider (s)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="312"/>
        <source>demand units (road nodes)</source>
        <translation>efterspørgselsenheder (vejknudepunkter)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="313"/>
        <source>objective after</source>
        <translation>målværdi efter</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="314"/>
        <source>objective before</source>
        <translation>målværdi før</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="315"/>
        <source>variables</source>
        <translation>variable</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="316"/>
        <source>year</source>
        <translation>år</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="317"/>
        <source>years</source>
        <translation>år</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="318"/>
        <source>sections</source>
        <translation>afsnit</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="319"/>
        <source>travel time</source>
        <translation>rejsetid</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="323"/>
        <source>input</source>
        <translation>input</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="324"/>
        <source>rows matched</source>
        <translation>rækker matchet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="325"/>
        <source>today</source>
        <translation>i dag</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="326"/>
        <source>not computed</source>
        <translation>ikke beregnet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="327"/>
        <source>90th percentile</source>
        <translation>90 %-fraktil</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="332"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="335"/>
        <source>network</source>
        <translation>vejnet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="344"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/run_report.py" line="345"/>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/sample/region.py" line="120"/>
        <source>Moving the sample files into place</source>
        <translation>Flytter eksempelfilerne på plads</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/sample/region.py" line="145"/>
        <source>Generating roads and towns</source>
        <translation>Danner veje og byer</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/sample/region.py" line="158"/>
        <source>Generating the population</source>
        <translation>Danner befolkningen</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/sample/region.py" line="165"/>
        <source>Placing hospitals, GP practices and specialists</source>
        <translation>Placerer sygehuse, lægepraksisser og speciallæger</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/sample/region.py" line="173"/>
        <source>Writing the GeoPackage</source>
        <translation>Skriver GeoPackage-filen</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/sample/region.py" line="185"/>
        <source>Writing the OSM files</source>
        <translation>Skriver OSM-filerne</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/sample/region.py" line="188"/>
        <source>Writing the README</source>
        <translation>Skriver README-filen</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/scenario.py" line="32"/>
        <source>(not reached)</source>
        <translation>(ikke nået)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/scenario.py" line="73"/>
        <source>The scenario closes every hospital: keep or add at least one.</source>
        <translation>Scenariet lukker alle sygehuse: behold eller tilføj mindst ét.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/scenario.py" line="76"/>
        <source>The scenario equals the baseline: nothing closed or added.</source>
        <translation>Scenariet er lig med udgangssituationen: intet er lukket eller tilføjet.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/scenario.py" line="129"/>
        <source>Hospital to close &apos;{query}&apos; matches {n} hospitals ({hits}). Use a unique part of the name. Hospitals in the baseline: {names}.</source>
        <translation>Sygehuset, der skal lukkes, &apos;{query}&apos; passer på {n} sygehuse ({hits}). Brug en entydig del af navnet. Sygehuse i udgangssituationen: {names}.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/scenario.py" line="190"/>
        <source>Baseline: {step}</source>
        <translation>Udgangssituation: {step}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/scenario.py" line="198"/>
        <source>Scenario: {step}</source>
        <translation>Scenarie: {step}</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/scenario.py" line="201"/>
        <source>Comparing</source>
        <translation>Sammenligner</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/scenario.py" line="282"/>
        <source>residents reached in both runs</source>
        <translation>indbyggere, der nås i begge kørsler</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/snapping.py" line="159"/>
        <source>No active hospitals: at least one hospital is needed.</source>
        <translation>Ingen aktive sygehuse: der skal være mindst ét sygehus.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/snapping.py" line="163"/>
        <source>The road network &apos;{network}&apos; has no roads.</source>
        <translation>Vejnettet &apos;{network}&apos; har ingen veje.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/snapping.py" line="164"/>
        <source>Snapping hospitals to the road network</source>
        <translation>Knytter sygehusene til vejnettet</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/snapping.py" line="185"/>
        <source>{count} hospital(s) lie farther than the maximum snap distance ({max_snap_m:.0f} m) from any road of &apos;{network}&apos;: {hospitals}. Check the hospitals&apos; CRS and positions, use a network that covers them, or raise the maximum snap distance.</source>
        <translation>{count} sygehus(e) ligger længere fra en vej i &apos;{network}&apos; end den største afstand ved tilknytning til vejnettet ({max_snap_m:.0f} m): {hospitals}. Kontrollér sygehusenes koordinatsystem og placering, brug et vejnet, der dækker dem, eller hæv den største afstand ved tilknytning.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/snapping.py" line="200"/>
        <source>No road of &apos;{network}&apos; leads to hospital(s) {hospitals}: the nearest road node has no incoming road (a one-way dead end or an isolated vertex). Move the hospital point next to a connected road or fix the network.</source>
        <translation>Ingen vej i &apos;{network}&apos; fører til sygehus(e) {hospitals}: den nærmeste vejknude har ingen indgående vej (en ensrettet blindvej eller et isoleret knudepunkt). Flyt sygehuspunktet hen til en sammenhængende vej, eller ret vejnettet.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/snapping.py" line="226"/>
        <source>Shortest paths from {hospitals} hospitals over {nodes:,} road nodes</source>
        <translation>Korteste veje fra {hospitals} sygehuse over {nodes:,} vejknuder</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/snapping.py" line="255"/>
        <source>{reached:,} of {nodes:,} road nodes reach a hospital</source>
        <translation>{reached:,} af {nodes:,} vejknuder når et sygehus</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/snapping.py" line="341"/>
        <source>Locations done</source>
        <translation>Placeringer færdige</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/specialties.py" line="77"/>
        <source>&apos;{name}&apos; ({n}×)</source>
        <translation>&apos;{name}&apos; ({n}×)</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/specialties.py" line="79"/>
        <source>Unknown specialty names in &apos;{source}&apos;: {found}. Use one of the 15 specialties (Danish or English name, or a common alias): {known}. Names are matched ignoring case, spaces and hyphens; see resources/data/specialties.csv.</source>
        <translation>Ukendte specialenavne i &apos;{source}&apos;: {found}. Brug et af de 15 specialer (dansk eller engelsk navn eller et almindeligt alias): {known}. Navnene sammenlignes uden hensyn til store/små bogstaver, mellemrum og bindestreger; se resources/data/specialties.csv.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/specialties.py" line="100"/>
        <source>Cannot read the planned total &apos;{text}&apos;. Write specialty=number, separated by &apos;;&apos;, e.g. &apos;Dermato-venerologi=60; Reumatologi=50&apos;.</source>
        <translation>Kan ikke læse den planlagte total &apos;{text}&apos;. Skriv speciale=antal, adskilt af &apos;;&apos;, fx &apos;Dermato-venerologi=60; Reumatologi=50&apos;.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/specialties.py" line="109"/>
        <source>The planned total for &apos;{specialty}&apos; is not a number.</source>
        <translation>Den planlagte total for &apos;{specialty}&apos; er ikke et tal.</translation>
    </message>
    <message>
        <location filename="../sundplan_qgis/specialties.py" line="113"/>
        <source>The planned total for &apos;{specialty}&apos; must be 0 or more.</source>
        <translation>Den planlagte total for &apos;{specialty}&apos; skal være 0 eller mere.</translation>
    </message>
    <message>
        <source>Parallel processes for the shortest paths (Linux/macOS fork; 1 = off, 0 = automatic: 1 in QGIS desktop, one per core in qgis_process/Python)</source>
        <translation type="obsolete">Parallelle processer til de korteste veje (Linux/macOS fork; 1 = fra, 0 = automatisk: 1 i QGIS Desktop, én pr. kerne i qgis_process/Python)</translation>
    </message>
    <message>
        <source>Specialty field (optional)</source>
        <translation type="obsolete">Specialefelt</translation>
    </message>
    <message>
        <source>Areas for the summary, e.g. kommuner (optional)</source>
        <translation type="obsolete">Områder til opsummeringen, fx kommuner</translation>
    </message>
    <message>
        <source>Areas for the summary and need factors, e.g. kommuner (optional)</source>
        <translation type="obsolete">Områder til opsummering og behovsfaktorer, fx kommuner (valgfrit)</translation>
    </message>
    <message>
        <source>No road network given. Choose a road network file (.osm.pbf, .osm, GeoPackage), a line layer, or an extent to download the network for with osmnx (needs internet); `sundplan:sample_data` writes a sample one.</source>
        <translation type="obsolete">Intet vejnet angivet. Vælg en vejnetsfil (.osm.pbf, .osm, GeoPackage), et linjelag eller en udstrækning, som vejnettet skal hentes for med osmnx (kræver internet); `sundplan:sample_data` skriver et eksempel.</translation>
    </message>
    <message>
        <source>Areas, e.g. kommuner (polygons)</source>
        <translation type="obsolete">Områder, fx kommuner (polygoner)</translation>
    </message>
    <message>
        <source>Areas with population by age and sex (polygons or a table)</source>
        <translation type="obsolete">Områder med befolkning efter alder og køn (polygoner eller en tabel)</translation>
    </message>
    <message>
        <source>Computes, for every resident, the drive time in minutes to the nearest active akutsygehus over the road network, which hospital&apos;s optageområde (catchment) they belong to, and summaries per kommune or any area layer.&lt;br&gt;&lt;br&gt;&lt;b&gt;Method&lt;/b&gt;: the road network becomes a directed graph (every vertex a node, one-way streets respected from home to hospital, ferries with their duration or a default speed plus boarding time). One multi-source Dijkstra search runs from all hospitals on the reversed graph (scipy.sparse.csgraph). Population locations (raster cell centres or points) are snapped to the nearest reachable road within the maximum snap distance; the straight access leg is driven at the access speed. With areas, land = the union of the areas: a resident snaps only to roads on the same island (land part), and the raster and polygons are clipped to the land; without areas no land mask is used. Equal times go to the hospital listed first. Bands are closed on the right: exactly 15.0 minutes is in 0–15.&lt;br&gt;&lt;br&gt;&lt;b&gt;Defaults&lt;/b&gt;: the 21 akutsygehuse embedded in the plugin (Sundhedsdatastyrelsen SOR); Danish speed defaults per road class (Færdselsloven §42: 50 km/h in towns, 80 outside, 130 on motorways; see docs/speeds.md); bands 15, 30, 45, 60 minutes; snap distance 1 000 m; access speed 30 km/h.&lt;br&gt;&lt;br&gt;&lt;b&gt;Outputs&lt;/b&gt;: a travel-time raster (minutes, nodata where unreachable or off land), catchment polygons with the hospital&apos;s own id, population and mean/max minutes, time-band polygons with population and a &apos;not reached&apos; class, an area table (population, mean, median, 90th percentile and max minutes, population and share beyond each band, the main hospital, pop_unsnapped, pop_unreachable and share_not_reached) and a run report (JSON and text) with parameters, versions, network size, coverage and what could not be snapped and why. Mean, median, 90th percentile and max minutes are of reached residents; residents not reached are counted apart, and the log warns when more than NOT_REACHED_WARNING_PCT % are not reached. Population is conserved: bands + not reached = input total.&lt;br&gt;&lt;br&gt;&lt;b&gt;Hospital ids&lt;/b&gt;: HOSPITAL_ID_FIELD (default: hospital_id of the embedded akutsygehuse; for your own layer without it, the feature id) is carried unchanged into the outputs and the report.</source>
        <translation type="obsolete">Beregner for hver indbygger køretiden i minutter til nærmeste aktive akutsygehus via vejnettet, hvilket sygehus&apos; optageområde vedkommende hører til, og opsummeringer pr. kommune eller et hvilket som helst områdelag.&lt;br&gt;&lt;br&gt;&lt;b&gt;Metode&lt;/b&gt;: vejnettet bliver til en rettet graf (hvert knudepunkt en knude, ensrettede gader respekteres fra bopæl til sygehus, færger med deres overfartstid eller en standardhastighed plus ombordkørselstid). Én Dijkstra-søgning med flere kilder kører fra alle sygehuse på den omvendte graf (scipy.sparse.csgraph). Befolkningens placeringer (rastercellernes midtpunkter eller punkter) knyttes til nærmeste vej, der kan nå et sygehus, inden for den største tilknytningsafstand; den lige adgangsstrækning køres med adgangshastigheden. Med områder er land = foreningen af områderne: en indbygger knyttes kun til veje på samme ø (landdel), og rasteret og polygonerne klippes til land; uden områder bruges ingen landmaske. Ved lige rejsetid vælges det sygehus, der står først på listen. Tidsintervallerne er lukkede til højre: præcis 15,0 minutter hører til 0–15.&lt;br&gt;&lt;br&gt;&lt;b&gt;Standardværdier&lt;/b&gt;: de 21 akutsygehuse, der er indbygget i pluginet (Sundhedsdatastyrelsen, SOR); danske standardhastigheder pr. vejklasse (Færdselsloven §42: 50 km/t i byzone, 80 uden for, 130 på motorveje; se docs/speeds.md); tidsintervaller 15, 30, 45, 60 minutter; tilknytningsafstand 1.000 m; adgangshastighed 30 km/t.&lt;br&gt;&lt;br&gt;&lt;b&gt;Resultater&lt;/b&gt;: et rejsetidsraster (minutter, ingen data hvor der ikke er forbindelse eller uden for land), optageområder som polygoner med sygehusets eget id, befolkning og gennemsnitlig/maksimal rejsetid i minutter, polygoner for tidsintervallerne med befolkning og en klasse &apos;ikke nået&apos;, en områdetabel (befolkning, gennemsnit, median, 90. percentil og maksimum i minutter, befolkning og andel uden for hvert tidsinterval, det primære sygehus, pop_unsnapped, pop_unreachable og share_not_reached) og en kørselsrapport (JSON og tekst) med parametre, versioner, vejnettets størrelse, dækning og hvad der ikke kunne tilknyttes og hvorfor. Gennemsnit, median, 90. percentil og maksimum i minutter gælder de nåede indbyggere; indbyggere, der ikke nås, tælles for sig, og loggen advarer, når mere end NOT_REACHED_WARNING_PCT % ikke nås. Befolkningen bevares: tidsintervaller + ikke nået = samlet input.&lt;br&gt;&lt;br&gt;&lt;b&gt;Sygehus-id&apos;er&lt;/b&gt;: HOSPITAL_ID_FIELD (standard: hospital_id for de indbyggede akutsygehuse; for dit eget lag uden feltet objekt-id&apos;et) føres uændret over i resultaterne og rapporten.</translation>
    </message>
    <message>
        <source>Unknown allocation method &apos;{method}&apos;: use &apos;areal&apos; or &apos;centroid&apos;.</source>
        <translation type="obsolete">Ukendt fordelingsmetode &apos;{method}&apos;: brug &apos;areal&apos; eller &apos;centroid&apos;.</translation>
    </message>
    <message>
        <source>Writes the reference data embedded in the plugin, no download needed:&lt;br&gt;&lt;b&gt;Akutsygehuse&lt;/b&gt;: the 21 acute hospitals (fælles akutmodtagelse) as points in ETRS89 / UTM 32N (EPSG:25832), with region, kommune and sundhedsfællesskab.&lt;br&gt;&lt;b&gt;Kommuner&lt;/b&gt;: the 98 kommuner as polygons with region (until 2026 and from 2027), sundhedsråd, sundhedsfællesskab and population (1 January 2021).&lt;br&gt;&lt;b&gt;Regioner&lt;/b&gt;, &lt;b&gt;Regioner from 2027&lt;/b&gt;, &lt;b&gt;Sundhedsråd&lt;/b&gt;, &lt;b&gt;Sundhedsfællesskaber&lt;/b&gt;: one polygon per unit, dissolved from the kommuner.&lt;br&gt;&lt;b&gt;Kommune grouping&lt;/b&gt;: a table with one row per kommune and the larger units it belongs to, for joining kommune results to regions and sundhedsråd.&lt;br&gt;Polygons are in EPSG:25832, generalised (DAGI 2021 via Dataforsyningen, simplified by dagir) with borders shared exactly between neighbours; fine for maps and as areas, not for exact boundary work. Christiansø is not a kommune and is in none of the layers. The layers are optional outputs: leave one empty to skip it.</source>
        <translation type="obsolete">Skriver referencedata, der er indbygget i pluginet, uden download:&lt;br&gt;&lt;b&gt;Akutsygehuse&lt;/b&gt;: de 21 akutsygehuse (fælles akutmodtagelse) som punkter i ETRS89 / UTM 32N (EPSG:25832) med region, kommune og sundhedsfællesskab.&lt;br&gt;&lt;b&gt;Kommuner&lt;/b&gt;: de 98 kommuner som polygoner med region (indtil 2026 og fra 2027), sundhedsråd, sundhedsfællesskab og indbyggere (1. januar 2021).&lt;br&gt;&lt;b&gt;Regioner&lt;/b&gt;, &lt;b&gt;Regioner fra 2027&lt;/b&gt;, &lt;b&gt;Sundhedsråd&lt;/b&gt;, &lt;b&gt;Sundhedsfællesskaber&lt;/b&gt;: én polygon pr. enhed, sammenlagt af kommunerne.&lt;br&gt;&lt;b&gt;Kommunernes tilhørsforhold&lt;/b&gt;: en tabel med én række pr. kommune og de større enheder, den hører til, så kommuneresultater kan kobles til regioner og sundhedsråd.&lt;br&gt;Polygonerne er i EPSG:25832, generaliserede (DAGI 2021 via Dataforsyningen, forenklet af dagir), og nabokommuner deler grænser nøjagtigt; egnede til kort og som områder, ikke til præcist grænsearbejde. Christiansø er ikke en kommune og indgår ikke i lagene. Lagene er valgfrie resultater: lad et være tomt for at springe det over.</translation>
    </message>
    <message>
        <source>Writes the reference data embedded in the plugin, no download needed:&lt;br&gt;&lt;b&gt;Akutsygehuse&lt;/b&gt;: the 21 acute hospitals (fælles akutmodtagelse) as points in ETRS89 / UTM 32N (EPSG:25832), with region, kommune and sundhedsfællesskab.&lt;br&gt;&lt;b&gt;Kommuner&lt;/b&gt;: the 98 kommuner with region (until 2026 and from 2027), sundhedsråd, sundhedsfællesskab and population.&lt;br&gt;&lt;b&gt;Regioner&lt;/b&gt;, &lt;b&gt;Regioner from 2027&lt;/b&gt;, &lt;b&gt;Sundhedsråd&lt;/b&gt;, &lt;b&gt;Sundhedsfællesskaber&lt;/b&gt;: one row per unit.&lt;br&gt;&lt;b&gt;Kommune grouping&lt;/b&gt;: one row per kommune with the larger units it belongs to, for joining kommune results to regions and sundhedsråd.&lt;br&gt;The tables have no geometry; join them to your own boundaries by kommunekode. The tables are optional outputs: leave one empty to skip it.</source>
        <translation type="obsolete">Skriver referencedata, der er indbygget i pluginet, uden download:&lt;br&gt;&lt;b&gt;Akutsygehuse&lt;/b&gt;: de 21 akutsygehuse (fælles akutmodtagelse) som punkter i ETRS89 / UTM 32N (EPSG:25832) med region, kommune og sundhedsfællesskab.&lt;br&gt;&lt;b&gt;Kommuner&lt;/b&gt;: de 98 kommuner med region (indtil 2026 og fra 2027), sundhedsråd, sundhedsfællesskab og befolkning.&lt;br&gt;&lt;b&gt;Regioner&lt;/b&gt;, &lt;b&gt;Regioner fra 2027&lt;/b&gt;, &lt;b&gt;Sundhedsråd&lt;/b&gt;, &lt;b&gt;Sundhedsfællesskaber&lt;/b&gt;: én række pr. enhed.&lt;br&gt;&lt;b&gt;Kommunernes tilhørsforhold&lt;/b&gt;: én række pr. kommune med de større enheder, den hører til, så kommuneresultater kan kobles til regioner og sundhedsråd.&lt;br&gt;Tabellerne har ingen geometri; kobl dem til dine egne grænser via kommunekode. Tabellerne er valgfrie resultater: lad en være tom for at springe den over.</translation>
    </message>
    <message>
        <source>…or your own grouping table (kommune → larger units)</source>
        <translation type="obsolete">…eller din egen grupperingstabel (kommune → større enheder)</translation>
    </message>
    <message>
        <source>Key field of the grouping table (matches the area id)</source>
        <translation type="obsolete">Nøglefelt i grupperingstabellen (svarer til område-id)</translation>
    </message>
    <message>
        <source>Need weights</source>
        <translation type="obsolete">Behovsvægte</translation>
    </message>
    <message>
        <source>Reading specialist capacity</source>
        <translation type="obsolete">Læser speciallægekapacitet</translation>
    </message>
    <message>
        <source>Choose the weight table (CSV), or another weight mode.</source>
        <translation type="obsolete">Vælg vægttabellen (CSV) eller en anden vægtmetode.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; must be numbers separated by commas.</source>
        <translation type="obsolete">&apos;{text}&apos; skal være tal adskilt af kommaer.</translation>
    </message>
    <message>
        <source>The population layer &apos;{layer}&apos; has {count} features with a NULL population (first: feature id {fid}). Fill them in (0 if nobody lives there) or filter them out.</source>
        <translation type="obsolete">Befolkningslaget &apos;{layer}&apos; har {count} objekter med NULL som befolkning (første: objekt-id {fid}). Udfyld dem (0, hvis ingen bor der), eller filtrer dem fra.</translation>
    </message>
    <message>
        <source>The expression for active hospitals is invalid: {error}</source>
        <translation type="obsolete">Udtrykket for aktive sygehuse er ugyldigt: {error}</translation>
    </message>
    <message>
        <source>The speed for road class &apos;{cls}&apos; must be a positive number of km/h.</source>
        <translation type="obsolete">Hastigheden for vejklassen &apos;{cls}&apos; skal være et positivt antal km/t.</translation>
    </message>
    <message>
        <source>Cannot create the folder for output {name}: {error}</source>
        <translation type="obsolete">Kan ikke oprette mappen til resultatet {name}: {error}</translation>
    </message>
    <message>
        <source>Compares travel times to the nearest akutsygehus between a baseline hospital set and a scenario: close hospitals by name, add new points (a moved hospital = close the old one and add the new site). Answers questions such as &apos;what happens if Thisted closes its akutmodtagelse&apos; in one run.&lt;br&gt;&lt;br&gt;&lt;b&gt;Outputs&lt;/b&gt;: a raster of the change in minutes per cell (scenario − baseline; positive = longer trip), a table per area with the change in mean, median, 90th percentile and max minutes and in population beyond each band, a table of the population that changes hospital with the from → to pair, and a run report.&lt;br&gt;&lt;br&gt;The method, units and defaults are those of &apos;Travel time and catchments&apos;: both runs use the same network, population and grid, so every cell is compared one to one.</source>
        <translation type="obsolete">Sammenligner rejsetiden til nærmeste akutsygehus mellem sygehusene i udgangssituationen og et scenarie: luk sygehuse efter navn, tilføj nye punkter (et flyttet sygehus = luk det gamle og tilføj den nye placering). Besvarer spørgsmål som &apos;hvad sker der, hvis Thisted lukker sin akutmodtagelse&apos; i én kørsel.&lt;br&gt;&lt;br&gt;&lt;b&gt;Resultater&lt;/b&gt;: et raster med ændringen i minutter pr. celle (scenarie − udgangssituation; positiv = længere tur), en tabel pr. område med ændringen i gennemsnit, median, 90. percentil og maksimum i minutter og i befolkningen uden for hvert tidsinterval, en tabel over befolkningen, der skifter sygehus, med parret fra → til, og en kørselsrapport.&lt;br&gt;&lt;br&gt;Metode, enheder og standardværdier er de samme som i &apos;Rejsetid og optageområder&apos;: begge kørsler bruger samme vejnet, befolkning og gitter, så hver celle sammenlignes én til én.</translation>
    </message>
    <message>
        <source>Computes, for every resident, the drive time in minutes to the nearest active akutsygehus over the road network, which hospital&apos;s optageområde (catchment) they belong to, and summaries per kommune or any area layer.&lt;br&gt;&lt;br&gt;&lt;b&gt;Method&lt;/b&gt;: the road network becomes a directed graph (every vertex a node, one-way streets respected from home to hospital, ferries with their duration or a default speed plus boarding time). One multi-source Dijkstra search runs from all hospitals on the reversed graph (scipy.sparse.csgraph). Population locations (raster cell centres or points) are snapped to the nearest reachable road within the maximum snap distance; the straight access leg is driven at the access speed. Equal times go to the hospital listed first. Bands are closed on the right: exactly 15.0 minutes is in 0–15.&lt;br&gt;&lt;br&gt;&lt;b&gt;Defaults&lt;/b&gt;: the 21 akutsygehuse embedded in the plugin (Sundhedsdatastyrelsen SOR); Danish speed defaults per road class (Færdselsloven §42: 50 km/h in towns, 80 outside, 130 on motorways; see docs/speeds.md); bands 15, 30, 45, 60 minutes; snap distance 1 000 m; access speed 30 km/h.&lt;br&gt;&lt;br&gt;&lt;b&gt;Outputs&lt;/b&gt;: a travel-time raster (minutes, nodata where unreachable), catchment polygons with population and mean/max minutes, time-band polygons with population, an area table (population, mean, median, 90th percentile and max minutes, population and share beyond each band, the main hospital, population not snapped or not reachable) and a run report (JSON and text) with parameters, versions, network size and what could not be snapped and why. Population is conserved: bands + unsnapped + unreachable = input total.</source>
        <translation type="obsolete">Beregner for hver indbygger køretiden i minutter til nærmeste aktive akutsygehus via vejnettet, hvilket sygehus&apos; optageområde vedkommende hører til, og opsummeringer pr. kommune eller et hvilket som helst områdelag.&lt;br&gt;&lt;br&gt;&lt;b&gt;Metode&lt;/b&gt;: vejnettet bliver til en rettet graf (hvert knudepunkt en knude, ensrettede gader respekteres fra bopæl til sygehus, færger med deres overfartstid eller en standardhastighed plus ombordkørselstid). Én Dijkstra-søgning med flere kilder kører fra alle sygehuse på den omvendte graf (scipy.sparse.csgraph). Befolkningens placeringer (rastercellernes midtpunkter eller punkter) knyttes til nærmeste vej, der kan nå et sygehus, inden for den største tilknytningsafstand; den lige adgangsstrækning køres med adgangshastigheden. Ved lige rejsetid vælges det sygehus, der står først på listen. Tidsintervallerne er lukkede til højre: præcis 15,0 minutter hører til 0–15.&lt;br&gt;&lt;br&gt;&lt;b&gt;Standardværdier&lt;/b&gt;: de 21 akutsygehuse, der er indbygget i pluginet (Sundhedsdatastyrelsen, SOR); danske standardhastigheder pr. vejklasse (Færdselsloven §42: 50 km/t i byzone, 80 uden for, 130 på motorveje; se docs/speeds.md); tidsintervaller 15, 30, 45, 60 minutter; tilknytningsafstand 1.000 m; adgangshastighed 30 km/t.&lt;br&gt;&lt;br&gt;&lt;b&gt;Resultater&lt;/b&gt;: et rejsetidsraster (minutter, ingen data hvor der ikke er forbindelse), optageområder som polygoner med befolkning og gennemsnitlig/maksimal rejsetid i minutter, polygoner for tidsintervallerne med befolkning, en områdetabel (befolkning, gennemsnit, median, 90. percentil og maksimum i minutter, befolkning og andel uden for hvert tidsinterval, det primære sygehus, befolkning der ikke kunne tilknyttes eller ikke har forbindelse) og en kørselsrapport (JSON og tekst) med parametre, versioner, vejnettets størrelse og hvad der ikke kunne tilknyttes og hvorfor. Befolkningen bevares: tidsintervaller + ikke tilknyttet + uden forbindelse = samlet input.</translation>
    </message>
    <message>
        <source>Spatial accessibility to practices with the two-step floating catchment area family: how many GPs (or specialists) residents can reach within the catchment threshold, competing with everyone else who can reach them.&lt;br&gt;&lt;br&gt;&lt;b&gt;Method&lt;/b&gt;: step 1, each practice&apos;s ratio R = capacity / (weighted) demand within the threshold; step 2, each location&apos;s accessibility = sum of the (weighted) ratios of the practices it reaches, shown as GPs per 10 000 residents. Variants: 2SFCA (step, Luo &amp; Wang 2003), E2SFCA (zones in thirds of the threshold with weights 1.00 / 0.68 / 0.22, Luo &amp; Qi 2009), Gaussian decay (Dai 2010). The threshold is inclusive: a home exactly at the threshold is inside. Travel times run home → practice over the road network (homes and practices snapped to the nearest road within the maximum snap distance, access legs at the access speed). Without a network, tick the straight-line fallback: distance × detour factor (default 1.4: KL 2016, 20 km by road vs 14 km straight line) at 60 km/h; every output says which was used.&lt;br&gt;&lt;b&gt;Demand&lt;/b&gt;: a population raster or points/polygons, optionally need-weighted with the age/sex columns of the areas. &lt;b&gt;Supply&lt;/b&gt;: practices with capacity; a specialty filter makes the same tool serve specialist practices.&lt;br&gt;&lt;b&gt;Outputs&lt;/b&gt;: accessibility per demand location, per area (population-weighted mean, share of residents below the low-access level, default 6.25 per 10 000 = 1 GP per 1 600) and the supply-to-demand ratio per practice; a run report with conservation check (Σ accessibility × demand = capacity of practices reaching anyone).</source>
        <translation type="obsolete">Geografisk tilgængelighed til praksis med 2SFCA-familien (two-step floating catchment area): hvor mange praktiserende læger (eller speciallæger) indbyggerne kan nå inden for tærsklen for optageområdet, i konkurrence med alle andre, der kan nå dem.&lt;br&gt;&lt;br&gt;&lt;b&gt;Metode&lt;/b&gt;: trin 1, hver praksis&apos; forhold R = kapacitet / (vægtet) efterspørgsel inden for tærsklen; trin 2, hvert steds tilgængelighed = summen af de (vægtede) forhold for de praksis, det kan nå, vist som læger pr. 10.000 indbyggere. Varianter: 2SFCA (trinfunktion, Luo &amp; Wang 2003), E2SFCA (zoner i tredjedele af tærsklen med vægtene 1,00 / 0,68 / 0,22, Luo &amp; Qi 2009), gaussisk aftagning (Dai 2010). Tærsklen er inklusiv: en bopæl præcis ved tærsklen er med. Rejsetiderne regnes bopæl → praksis via vejnettet (bopæle og praksis knyttes til nærmeste vej inden for den største tilknytningsafstand, adgangsstrækninger med adgangshastigheden). Uden vejnet sættes flueben ved nødløsningen i fugleflugt: afstand × omvejsfaktor (standard 1,4: KL 2016, 20 km ad vej mod 14 km i fugleflugt) ved 60 km/t; hvert resultat angiver, hvilken metode der er brugt.&lt;br&gt;&lt;b&gt;Efterspørgsel&lt;/b&gt;: et befolkningsraster eller punkter/polygoner, eventuelt behovsvægtet med områdernes alders-/kønskolonner. &lt;b&gt;Udbud&lt;/b&gt;: praksis med kapacitet; med et filter på speciale kan samme værktøj bruges til speciallægepraksis.&lt;br&gt;&lt;b&gt;Resultater&lt;/b&gt;: tilgængelighed pr. efterspørgselssted, pr. område (befolkningsvægtet gennemsnit, andel af indbyggerne under niveauet for lav tilgængelighed, standard 6,25 pr. 10.000 = 1 læge pr. 1.600) og forholdet mellem udbud og efterspørgsel pr. praksis; en kørselsrapport med bevarelseskontrol (Σ tilgængelighed × efterspørgsel = kapaciteten i de praksis, der når nogen).</translation>
    </message>
    <message>
        <source>GPs per inhabitant per kommune (or any area layer), need-weighted, rolled up to regions, the 2027 regions, sundhedsråd and sundhedsfællesskaber.&lt;br&gt;&lt;br&gt;&lt;b&gt;Inputs&lt;/b&gt;: practices (points; capacity = a field with the number of GPs / lægekapaciteter, or 1 per practice; optional list size and &apos;open for new patients&apos; fields; optional specialty filter); areas with population as a field, as age/sex columns (m_0_4 … k_85_plus) or aggregated from a population raster; need weights.&lt;br&gt;&lt;b&gt;Need weights&lt;/b&gt;: the default almen praksis weights (age and sex, national mean 1 on FOLK1A 2014; sources and derivation in resources/data/README.md) turn the age/sex columns into a need factor per area. The weights used (name and SHA-256) are written into every output.&lt;br&gt;&lt;b&gt;Outputs per area and per grouping unit&lt;/b&gt;: population, need-weighted population, GP capacity, inhabitants per GP, GPs per 10 000, the same need-adjusted, closed practices, list size per GP, rank_shortage (1 = fewest need-adjusted GPs per 10 000) and a shortage flag: need-weighted residents per GP above the threshold (default 1 600 per lægekapacitet, Danmarks Statistik LABY27 documentation) or residents and no GP.&lt;br&gt;&lt;b&gt;National summary&lt;/b&gt; per level: totals, best and worst unit and their ratio, the Gini coefficient of GP capacity against need, and the Lorenz curve points. Practices outside every area are counted in the row &apos;(outside all areas)&apos; and listed, never dropped. Areas with zero population get empty ratios and are reported.</source>
        <translation type="obsolete">Praktiserende læger pr. indbygger pr. kommune (eller et hvilket som helst områdelag), behovsvægtet og samlet op på regioner, regionerne fra 2027, sundhedsråd og sundhedsfællesskaber.&lt;br&gt;&lt;br&gt;&lt;b&gt;Input&lt;/b&gt;: praksis (punkter; kapacitet = et felt med antal læger / lægekapaciteter eller 1 pr. praksis; valgfrie felter for listestørrelse og &apos;åben for tilgang&apos;; valgfrit filter på speciale); områder med befolkning som felt, som alders-/kønskolonner (m_0_4 … k_85_plus) eller summeret fra et befolkningsraster; behovsvægte.&lt;br&gt;&lt;b&gt;Behovsvægte&lt;/b&gt;: standardvægtene for almen praksis (alder og køn, landsgennemsnit 1 på FOLK1A 2014; kilder og udledning i resources/data/README.md) gør alders-/kønskolonnerne til en behovsfaktor pr. område. De anvendte vægte (navn og SHA-256) skrives i alle resultater.&lt;br&gt;&lt;b&gt;Resultater pr. område og pr. gruppeenhed&lt;/b&gt;: befolkning, behovsvægtet befolkning, lægekapacitet, indbyggere pr. læge, læger pr. 10.000, det samme behovsjusteret, lukkede praksis, listestørrelse pr. læge, rank_shortage (1 = færrest behovsjusterede læger pr. 10.000) og en markering af lægemangel: behovsvægtede indbyggere pr. læge over tærsklen (standard 1.600 pr. lægekapacitet, dokumentationen til Danmarks Statistiks LABY27) eller indbyggere uden læge.&lt;br&gt;&lt;b&gt;Landsoversigt&lt;/b&gt; pr. niveau: totaler, bedste og dårligste enhed og forholdet mellem dem, Gini-koefficienten for lægekapacitet mod behov og punkterne på Lorenzkurven. Praksis uden for alle områder tælles i rækken &apos;(outside all areas)&apos; og listes, de udelades aldrig. Områder uden befolkning får tomme forholdstal og rapporteres.</translation>
    </message>
    <message>
        <source>Makes a print-ready PDF of a sundplan output (travel-time raster, bands, catchments, area summary, scenario change, GP density, 2SFCA access or specialist gaps) for reports and meetings.&lt;br&gt;&lt;br&gt;The layer is drawn in its own style (the style stored in the GeoPackage, else the sundplan style for its kind, or the STYLE you give) over a basemap-free backdrop of the areas: light grey, thin boundaries and names. The page has a title, subtitle, legend, scale bar, north arrow, a method note, the data sources, the date (printing and computing) and an optional organisation name and logo.&lt;br&gt;&lt;br&gt;&lt;b&gt;Atlas&lt;/b&gt;: with an atlas coverage layer (e.g. the kommuner) there is one page per feature, the map zoomed to it and the neighbours faded; the summary table then shows that area&apos;s row(s) (rows whose area lies inside the page&apos;s feature, or whose name matches it for tables without geometry). Without an atlas, one page shows all rows; when they do not fit, the areas with the longest mean travel time are shown and the note says so.&lt;br&gt;&lt;br&gt;&lt;b&gt;Templates&lt;/b&gt;: A4/A3, landscape/portrait (resources/layouts/*.qpt, usable in QGIS too), or your own .qpt that keeps the item ids. &lt;b&gt;Language&lt;/b&gt; of the page: Danish (default) or English, independent of the QGIS interface language.&lt;br&gt;&lt;br&gt;&lt;b&gt;Defaults&lt;/b&gt;: title, legend, method note and source line are derived from the kind of output and the provenance recorded in it (parameters, inputs, versions), e.g. the need weights and shortage threshold of a GP density, the 2SFCA method and threshold, the specialty and reference total of specialist gaps, the closed hospitals of a scenario. Per-area outputs (GP density, specialist gaps, 2SFCA per area) are their own summary table; for 2SFCA points and scenario rasters the run&apos;s per-area table is used when it still exists. Synthetic sample data is marked as such on the page. The PDF is written only when everything succeeded.</source>
        <translation type="obsolete">Laver en trykklar PDF af et sundplan-resultat (rejsetidsraster, tidsintervaller, optageområder, områdeopsummering, ændring i et scenarie, lægedækning, 2SFCA-tilgængelighed eller speciallægedækning) til rapporter og møder.&lt;br&gt;&lt;br&gt;Laget tegnes med sin egen stil (stilen gemt i GeoPackage-filen, ellers sundplan-stilen for dens type eller den STYLE, du angiver) oven på en baggrund af områderne uden baggrundskort: lysegrå, tynde grænser og navne. Siden har titel, undertitel, signaturforklaring, målestok, nordpil, en metodenote, datakilderne, datoen (udskrift og beregning) og eventuelt organisationens navn og logo.&lt;br&gt;&lt;br&gt;&lt;b&gt;Atlas&lt;/b&gt;: med et dækningslag til atlas (fx kommunerne) bliver der én side pr. objekt, hvor kortet er zoomet ind på objektet og naboerne er nedtonet; opsummeringstabellen viser så det pågældende områdes række(r) (rækker, hvis område ligger inden for sidens objekt, eller hvis navn passer, for tabeller uden geometri). Uden atlas viser én side alle rækker; når de ikke kan være der, vises områderne med længst gennemsnitlig rejsetid, og noten siger det.&lt;br&gt;&lt;br&gt;&lt;b&gt;Skabeloner&lt;/b&gt;: A4/A3, liggende/stående (resources/layouts/*.qpt, kan også bruges i QGIS) eller din egen .qpt, der beholder elementernes id&apos;er. &lt;b&gt;Sprog&lt;/b&gt; på siden: dansk (standard) eller engelsk, uafhængigt af sproget i QGIS.&lt;br&gt;&lt;br&gt;&lt;b&gt;Standardværdier&lt;/b&gt;: titel, signaturforklaring, metodenote og kildelinje udledes af resultatets type og af proveniensen, der er gemt i det (parametre, input, versioner), fx behovsvægtene og grænsen for lægedækningstruede områder ved lægedækning, 2SFCA-metoden og tidsgrænsen, specialet og referencetotalen ved speciallægedækning og de lukkede sygehuse i et scenarie. Resultater pr. område (lægedækning, speciallægedækning, 2SFCA pr. område) er selv opsummeringstabellen; for 2SFCA-punkter og scenarieraster bruges kørslens tabel pr. område, hvis den stadig findes. Syntetiske eksempeldata markeres som sådan på siden. PDF&apos;en skrives kun, når alt er lykkedes.</translation>
    </message>
    <message>
        <source>The layer to map could not be opened.</source>
        <translation type="obsolete">Laget, der skal vises på kortet, kunne ikke åbnes.</translation>
    </message>
    <message>
        <source>The atlas coverage layer &apos;{layer}&apos; has no features, so there is no area to make a page for. Choose a layer with areas (e.g. the kommuner), or leave the atlas coverage empty for a single page.</source>
        <translation type="obsolete">Atlasdækningslaget &apos;{layer}&apos; har ingen objekter, så der er intet område at lave en side for. Vælg et lag med områder (fx kommunerne), eller lad atlasdækningen være tom for at få én side.</translation>
    </message>
    <message>
        <source>The summary layer &apos;{layer}&apos; has no field(s) {fields}.</source>
        <translation type="obsolete">Opsummeringslaget &apos;{layer}&apos; mangler felt(erne) {fields}.</translation>
    </message>
    <message>
        <source>Compares, per specialty and area, today&apos;s specialist capacity (ydernumre) with a need-based fair share, and shows what it would take to close the gap.&lt;br&gt;&lt;br&gt;&lt;b&gt;Inputs&lt;/b&gt;: specialist practices as points (specialty field; capacity field, default 1 per practice) or a table of capacity per area and specialty; areas with population by age and sex (columns m_0_4, k_0_4 … m_85_plus, k_85_plus, or a &apos;population&apos; column), as polygons or a table; optionally a grouping into regions, sundhedsråd (embedded, by kommunekode) or your own grouping table; need weights per specialty (shipped defaults, none, or your CSV); the reference total per specialty: today&apos;s capacity (default) or a planned total (&apos;Dermato-venerologi=60; Reumatologi=50&apos;). Specialty names may be Danish, English or common aliases (hudlæge, øjenlæge, ENT …).&lt;br&gt;&lt;br&gt;&lt;b&gt;Method&lt;/b&gt;: need-weighted population = Σ persons × weight, scaled so its total equals the total population. Fair share = reference total × the area&apos;s share of need. Gap = capacity − fair share; ratio = capacity / fair share; classes under- / over-supplied at your thresholds (default 0.8 and 1.25). Per specialty: the highest to lowest capacity per 100 000 need-weighted inhabitants, a Gini coefficient of capacity against need, and the index of dissimilarity (the share of capacity that would have to move) with the number of capacities it means. The relocation plan is a transport problem solved with scipy/HiGHS: moves from over- to under-supplied areas reaching the fair shares with the least capacity × km between area centres; with today&apos;s total it moves exactly dissimilarity × capacity. A planned total adds &apos;new&apos; (or &apos;withdraw&apos;) rows for the difference.&lt;br&gt;&lt;br&gt;&lt;b&gt;Optional network part&lt;/b&gt;: with a road network and resident locations (raster or points), the population beyond a travel time (default 60 minutes) from the nearest practice of each specialty, per area.&lt;br&gt;&lt;br&gt;Practices outside all areas are reported and not counted; areas without population get fair share 0. Defaults and sources: resources/data/README.md.</source>
        <translation type="obsolete">Sammenligner pr. speciale og område dagens speciallægekapacitet (ydernumre) med en behovsbestemt rimelig andel og viser, hvad der skal til for at lukke forskellen.&lt;br&gt;&lt;br&gt;&lt;b&gt;Input&lt;/b&gt;: speciallægepraksis som punkter (specialefelt; kapacitetsfelt, standard 1 pr. praksis) eller en tabel med kapacitet pr. område og speciale; områder med befolkning efter alder og køn (kolonnerne m_0_4, k_0_4 … m_85_plus, k_85_plus eller en kolonne &apos;population&apos;) som polygoner eller tabel; eventuelt en gruppering i regioner, sundhedsråd (indbygget, via kommunekode) eller din egen grupperingstabel; behovsvægte pr. speciale (medfølgende standardvægte, ingen eller din CSV); referencetotalen pr. speciale: dagens kapacitet (standard) eller en planlagt total (&apos;Dermato-venerologi=60; Reumatologi=50&apos;). Specialenavne kan være danske, engelske eller almindelige kaldenavne (hudlæge, øjenlæge, ENT …).&lt;br&gt;&lt;br&gt;&lt;b&gt;Metode&lt;/b&gt;: behovsvægtet befolkning = Σ personer × vægt, skaleret så totalen svarer til den samlede befolkning. Rimelig andel = referencetotal × områdets andel af behovet. Forskel = kapacitet − rimelig andel; forholdstal = kapacitet / rimelig andel; klasserne under- / overforsynet ved dine tærskler (standard 0,8 og 1,25). Pr. speciale: højeste til laveste kapacitet pr. 100.000 behovsvægtede indbyggere, en Gini-koefficient for kapacitet mod behov og dissimilaritetsindekset (den andel af kapaciteten, der skulle flyttes) med det antal kapaciteter, det svarer til. Flytteplanen er et transportproblem løst med scipy/HiGHS: flytninger fra over- til underforsynede områder, der når de rimelige andele med mindst mulig kapacitet × km mellem områdernes midtpunkter; med dagens total flyttes præcis dissimilaritet × kapacitet. En planlagt total tilføjer rækker med &apos;new&apos; (eller &apos;withdraw&apos;) for forskellen.&lt;br&gt;&lt;br&gt;&lt;b&gt;Valgfri netværksdel&lt;/b&gt;: med et vejnet og indbyggernes placering (raster eller punkter) beregnes pr. område befolkningen, der bor længere end en rejsetid (standard 60 minutter) fra nærmeste praksis i hvert speciale.&lt;br&gt;&lt;br&gt;Praksis uden for alle områder rapporteres og tælles ikke med; områder uden befolkning får den rimelige andel 0. Standardværdier og kilder: resources/data/README.md.</translation>
    </message>
    <message>
        <source>{count} id(s) of &apos;{source}&apos; are not in the grouping table: {ids}. The grouping table must list every area id.</source>
        <translation type="obsolete">{count} id(&apos;er) i &apos;{source}&apos; findes ikke i grupperingstabellen: {ids}. Grupperingstabellen skal indeholde alle område-id&apos;er.</translation>
    </message>
    <message>
        <source>Area id field</source>
        <translation type="obsolete">Felt med område-id</translation>
    </message>
    <message>
        <source>Access speed between a location and the road (km/h)</source>
        <translation type="obsolete">Hastighed mellem et sted og vejen (km/t)</translation>
    </message>
    <message>
        <source>Access speed to the road (km/h)</source>
        <translation type="obsolete">Hastighed til vejen (km/t)</translation>
    </message>
    <message>
        <source>Raster cell size when residents are not a raster (m)</source>
        <translation type="obsolete">Rastercellestørrelse, når indbyggerne ikke er et raster (m)</translation>
    </message>
    <message>
        <source>Makes a print-ready PDF of a sundplan output (travel-time raster, bands, catchments, area summary or scenario change) for reports and meetings.&lt;br&gt;&lt;br&gt;The layer is drawn in its own style (the style stored in the GeoPackage, else the sundplan style for its kind, or the STYLE you give) over a basemap-free backdrop of the areas: light grey, thin boundaries and names. The page has a title, subtitle, legend, scale bar, north arrow, a method note, the data sources, the date (printing and computing) and an optional organisation name and logo.&lt;br&gt;&lt;br&gt;&lt;b&gt;Atlas&lt;/b&gt;: with an atlas coverage layer (e.g. the kommuner) there is one page per feature, the map zoomed to it and the neighbours faded; the summary table then shows that area&apos;s row(s) (rows whose area lies inside the page&apos;s feature, or whose name matches it for tables without geometry). Without an atlas, one page shows all rows; when they do not fit, the areas with the longest mean travel time are shown and the note says so.&lt;br&gt;&lt;br&gt;&lt;b&gt;Templates&lt;/b&gt;: A4/A3, landscape/portrait (resources/layouts/*.qpt, usable in QGIS too), or your own .qpt that keeps the item ids. &lt;b&gt;Language&lt;/b&gt; of the page: Danish (default) or English, independent of the QGIS interface language.&lt;br&gt;&lt;br&gt;&lt;b&gt;Defaults&lt;/b&gt;: the method note and source line are derived from the provenance recorded in the output (parameters, inputs, versions); synthetic sample data is marked as such on the page. The PDF is written only when everything succeeded.</source>
        <translation type="obsolete">Laver en trykklar PDF af et sundplan-resultat (rejsetidsraster, tidsintervaller, optageområder, områdeopsummering eller ændring i et scenarie) til rapporter og møder.&lt;br&gt;&lt;br&gt;Laget tegnes med sin egen stil (stilen gemt i GeoPackage-filen, ellers sundplan-stilen for dens type eller den STYLE, du angiver) oven på en baggrund af områderne uden baggrundskort: lysegrå, tynde grænser og navne. Siden har titel, undertitel, signaturforklaring, målestok, nordpil, en metodenote, datakilderne, datoen (udskrift og beregning) og eventuelt organisationens navn og logo.&lt;br&gt;&lt;br&gt;&lt;b&gt;Atlas&lt;/b&gt;: med et dækningslag til atlas (fx kommunerne) bliver der én side pr. objekt, hvor kortet er zoomet ind på objektet og naboerne er nedtonet; opsummeringstabellen viser så det pågældende områdes række(r) (rækker, hvis område ligger inden for sidens objekt, eller hvis navn passer, for tabeller uden geometri). Uden atlas viser én side alle rækker; når de ikke kan være der, vises områderne med længst gennemsnitlig rejsetid, og noten siger det.&lt;br&gt;&lt;br&gt;&lt;b&gt;Skabeloner&lt;/b&gt;: A4/A3, liggende/stående (resources/layouts/*.qpt, kan også bruges i QGIS) eller din egen .qpt, der beholder elementernes id&apos;er. &lt;b&gt;Sprog&lt;/b&gt; på siden: dansk (standard) eller engelsk, uafhængigt af sproget i QGIS.&lt;br&gt;&lt;br&gt;&lt;b&gt;Standardværdier&lt;/b&gt;: metodenoten og kildelinjen udledes af proveniensen, der er gemt i resultatet (parametre, input, versioner); syntetiske eksempeldata markeres som sådan på siden. PDF&apos;en skrives kun, når alt er lykkedes.</translation>
    </message>
    <message>
        <source>Parallel processes for the shortest paths (Linux/macOS fork; 1 = off)</source>
        <translation type="obsolete">Parallelle processer til de korteste veje (Linux/macOS fork; 1 = fra)</translation>
    </message>
    <message>
        <source>…or population points/polygons (polygons by centroid)</source>
        <translation type="obsolete">…eller befolkning som punkter/polygoner (polygoner via centroide)</translation>
    </message>
    <message>
        <source>Road network &apos;{name}&apos;: {nodes:,} nodes, {edges:,} directed edges.</source>
        <translation type="obsolete">Vejnet &apos;{name}&apos;: {nodes:,} knuder, {edges:,} rettede kanter.</translation>
    </message>
</context>
</TS>
