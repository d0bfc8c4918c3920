"""Word material for the synthetic content generator: sports, skills, groups of people, categories, names and
sentence templates in Dutch, English, German and Turkish. Templates are filled from parallel lists, so the same
index gives the same meaning in every language and a generated question says the same thing in each of them.
"""

import string

LANGUAGES = ("nl", "en", "de", "tr")

# Parallel lists: item i means the same thing in every language. Each value is a dict {code: text}.
# German values are single nouns (or plurals that keep their form after "für"), so they need no article and no
# inflection; Turkish values are bare nouns that are only followed by postpositions (için, konusunda, ile, ...).

SPORTS = [
    {"nl": "hardlopen", "en": "running", "de": "Laufen", "tr": "koşu"},
    {"nl": "voetbal", "en": "football", "de": "Fußball", "tr": "futbol"},
    {"nl": "zwemmen", "en": "swimming", "de": "Schwimmen", "tr": "yüzme"},
    {"nl": "wielrennen", "en": "cycling", "de": "Radsport", "tr": "bisiklet"},
    {"nl": "tennis", "en": "tennis", "de": "Tennis", "tr": "tenis"},
    {"nl": "basketbal", "en": "basketball", "de": "Basketball", "tr": "basketbol"},
    {"nl": "volleybal", "en": "volleyball", "de": "Volleyball", "tr": "voleybol"},
    {"nl": "roeien", "en": "rowing", "de": "Rudern", "tr": "kürek"},
    {"nl": "skiën", "en": "skiing", "de": "Skifahren", "tr": "kayak"},
    {"nl": "atletiek", "en": "athletics", "de": "Leichtathletik", "tr": "atletizm"},
    {"nl": "judo", "en": "judo", "de": "Judo", "tr": "judo"},
    {"nl": "karate", "en": "karate", "de": "Karate", "tr": "karate"},
    {"nl": "boksen", "en": "boxing", "de": "Boxen", "tr": "boks"},
    {"nl": "gewichtheffen", "en": "weightlifting", "de": "Gewichtheben", "tr": "halter"},
    {"nl": "yoga", "en": "yoga", "de": "Yoga", "tr": "yoga"},
    {"nl": "handbal", "en": "handball", "de": "Handball", "tr": "hentbol"},
    {"nl": "hockey", "en": "field hockey", "de": "Feldhockey", "tr": "çim hokeyi"},
    {"nl": "golf", "en": "golf", "de": "Golf", "tr": "golf"},
    {"nl": "tafeltennis", "en": "table tennis", "de": "Tischtennis", "tr": "masa tenisi"},
    {"nl": "badminton", "en": "badminton", "de": "Badminton", "tr": "badminton"},
    {"nl": "klimmen", "en": "climbing", "de": "Klettern", "tr": "tırmanış"},
    {"nl": "triatlon", "en": "triathlon", "de": "Triathlon", "tr": "triatlon"},
    {"nl": "schaatsen", "en": "speed skating", "de": "Eisschnelllauf", "tr": "sürat pateni"},
    {"nl": "turnen", "en": "gymnastics", "de": "Turnen", "tr": "cimnastik"},
    {"nl": "paardrijden", "en": "horse riding", "de": "Reiten", "tr": "binicilik"},
    {"nl": "zeilen", "en": "sailing", "de": "Segeln", "tr": "yelken"},
    {"nl": "kanoën", "en": "canoeing", "de": "Kanufahren", "tr": "kano"},
    {"nl": "taekwondo", "en": "taekwondo", "de": "Taekwondo", "tr": "tekvando"},
    {"nl": "worstelen", "en": "wrestling", "de": "Ringen", "tr": "güreş"},
    {"nl": "langlaufen", "en": "cross-country skiing", "de": "Skilanglauf", "tr": "kros kayağı"},
    {"nl": "snowboarden", "en": "snowboarding", "de": "Snowboarden", "tr": "snowboard"},
    {"nl": "waterpolo", "en": "water polo", "de": "Wasserball", "tr": "sutopu"},
    {"nl": "squash", "en": "squash", "de": "Squash", "tr": "squash"},
    {"nl": "mountainbiken", "en": "mountain biking", "de": "Mountainbiken", "tr": "dağ bisikleti"},
    {"nl": "schermen", "en": "fencing", "de": "Fechten", "tr": "eskrim"},
    {"nl": "beachvolleybal", "en": "beach volleyball", "de": "Beachvolleyball", "tr": "plaj voleybolu"},
]

SKILLS = [
    {"nl": "uithoudingsvermogen", "en": "endurance", "de": "Ausdauer", "tr": "dayanıklılık"},
    {"nl": "snelheid", "en": "speed", "de": "Schnelligkeit", "tr": "hız"},
    {"nl": "evenwicht", "en": "balance", "de": "Gleichgewicht", "tr": "denge"},
    {"nl": "lenigheid", "en": "flexibility", "de": "Beweglichkeit", "tr": "esneklik"},
    {"nl": "coördinatie", "en": "coordination", "de": "Koordination", "tr": "koordinasyon"},
    {"nl": "explosieve kracht", "en": "explosive power", "de": "Schnellkraft", "tr": "patlayıcı güç"},
    {"nl": "ademhalingstechniek", "en": "breathing technique", "de": "Atemtechnik", "tr": "nefes tekniği"},
    {"nl": "lichaamshouding", "en": "posture", "de": "Körperhaltung", "tr": "duruş"},
    {"nl": "rompstabiliteit", "en": "core stability", "de": "Rumpfstabilität", "tr": "gövde stabilitesi"},
    {"nl": "reactiesnelheid", "en": "reaction time", "de": "Reaktionsschnelligkeit", "tr": "reaksiyon hızı"},
    {"nl": "wendbaarheid", "en": "agility", "de": "Wendigkeit", "tr": "çeviklik"},
    {"nl": "spierkracht", "en": "muscle strength", "de": "Muskelkraft", "tr": "kas kuvveti"},
    {"nl": "warming-up", "en": "warming up", "de": "Aufwärmen", "tr": "ısınma"},
    {"nl": "slaapkwaliteit", "en": "sleep quality", "de": "Schlafqualität", "tr": "uyku kalitesi"},
    {"nl": "vochtinname", "en": "hydration", "de": "Flüssigkeitszufuhr", "tr": "sıvı alımı"},
    {"nl": "maaltijdplanning", "en": "meal planning", "de": "Essensplanung", "tr": "öğün planlaması"},
    {"nl": "concentratie", "en": "concentration", "de": "Konzentration", "tr": "konsantrasyon"},
    {"nl": "motivatie", "en": "motivation", "de": "Motivation", "tr": "motivasyon"},
    {"nl": "wilskracht", "en": "willpower", "de": "Willenskraft", "tr": "irade gücü"},
    {"nl": "tempogevoel", "en": "pacing", "de": "Tempogefühl", "tr": "tempo kontrolü"},
    {"nl": "voetenwerk", "en": "footwork", "de": "Beinarbeit", "tr": "ayak çalışması"},
    {"nl": "mobiliteit", "en": "mobility", "de": "Mobilität", "tr": "hareketlilik"},
    {"nl": "herstel", "en": "recovery", "de": "Regeneration", "tr": "toparlanma"},
    {"nl": "lichaamsbewustzijn", "en": "body awareness", "de": "Körpergefühl", "tr": "vücut farkındalığı"},
    {"nl": "ritmegevoel", "en": "rhythm", "de": "Rhythmusgefühl", "tr": "ritim duygusu"},
    {"nl": "timing", "en": "timing", "de": "Timing", "tr": "zamanlama"},
    {"nl": "knijpkracht", "en": "grip strength", "de": "Griffkraft", "tr": "kavrama gücü"},
    {"nl": "beenkracht", "en": "leg strength", "de": "Beinkraft", "tr": "bacak kuvveti"},
    {"nl": "schouderstabiliteit", "en": "shoulder stability", "de": "Schulterstabilität", "tr": "omuz stabilitesi"},
    {"nl": "blessurepreventie", "en": "injury prevention", "de": "Verletzungsprävention", "tr": "sakatlık önleme"},
    {"nl": "trainingsplanning", "en": "training planning", "de": "Trainingsplanung", "tr": "antrenman planlaması"},
    {"nl": "zelfdiscipline", "en": "self-discipline", "de": "Selbstdisziplin", "tr": "öz disiplin"},
    {"nl": "samenwerking", "en": "teamwork", "de": "Teamarbeit", "tr": "takım çalışması"},
    {"nl": "communicatie", "en": "communication", "de": "Kommunikation", "tr": "iletişim"},
    {"nl": "besluitvaardigheid", "en": "decision-making", "de": "Entscheidungsfähigkeit", "tr": "karar verme"},
    {"nl": "regelmaat", "en": "consistency", "de": "Beständigkeit", "tr": "istikrar"},
    {"nl": "gewichtsbeheersing", "en": "weight management", "de": "Gewichtskontrolle", "tr": "kilo kontrolü"},
    {"nl": "sprintsnelheid", "en": "sprint speed", "de": "Sprintschnelligkeit", "tr": "sprint hızı"},
    {"nl": "acceleratie", "en": "acceleration", "de": "Beschleunigung", "tr": "ivmelenme"},
    {"nl": "sprongkracht", "en": "jumping power", "de": "Sprungkraft", "tr": "sıçrama gücü"},
    {"nl": "stressbeheersing", "en": "stress management", "de": "Stressbewältigung", "tr": "stres yönetimi"},
    {"nl": "zelfvertrouwen", "en": "self-confidence", "de": "Selbstvertrauen", "tr": "özgüven"},
    {
        "nl": "wedstrijdvoorbereiding",
        "en": "competition preparation",
        "de": "Wettkampfvorbereitung",
        "tr": "yarışma hazırlığı",
    },
    {"nl": "tactisch inzicht", "en": "tactical awareness", "de": "Spielverständnis", "tr": "taktik anlayışı"},
    {"nl": "techniek", "en": "technique", "de": "Technik", "tr": "teknik"},
    {"nl": "voeding", "en": "nutrition", "de": "Ernährung", "tr": "beslenme"},
    {"nl": "zuurstofopname", "en": "oxygen uptake", "de": "Sauerstoffaufnahme", "tr": "oksijen kullanımı"},
]

PEOPLE = [
    {"nl": "beginners", "en": "beginners", "de": "Anfänger", "tr": "yeni başlayanlar"},
    {"nl": "kinderen", "en": "children", "de": "Kinder", "tr": "çocuklar"},
    {"nl": "tieners", "en": "teenagers", "de": "Jugendliche", "tr": "gençler"},
    {"nl": "senioren", "en": "seniors", "de": "Senioren", "tr": "yaşlı bireyler"},
    {"nl": "vrouwen", "en": "women", "de": "Frauen", "tr": "kadınlar"},
    {"nl": "mannen", "en": "men", "de": "Männer", "tr": "erkekler"},
    {"nl": "recreanten", "en": "recreational athletes", "de": "Freizeitsportler", "tr": "amatör sporcular"},
    {"nl": "wedstrijdsporters", "en": "competitive athletes", "de": "Wettkampfsportler", "tr": "yarışmacı sporcular"},
    {"nl": "trainers", "en": "coaches", "de": "Trainer", "tr": "antrenörler"},
    {"nl": "ouders", "en": "parents", "de": "Eltern", "tr": "ebeveynler"},
    {"nl": "studenten", "en": "students", "de": "Studierende", "tr": "üniversite öğrencileri"},
    {"nl": "kantoormedewerkers", "en": "office workers", "de": "Büroangestellte", "tr": "ofis çalışanları"},
    {
        "nl": "mensen met weinig tijd",
        "en": "people with little time",
        "de": "Menschen mit wenig Zeit",
        "tr": "vakti az olanlar",
    },
    {"nl": "vijftigplussers", "en": "people over fifty", "de": "Menschen über fünfzig", "tr": "elli yaş üstündekiler"},
    {"nl": "zwangere vrouwen", "en": "pregnant women", "de": "Schwangere", "tr": "hamile kadınlar"},
    {"nl": "jonge talenten", "en": "young talents", "de": "Nachwuchstalente", "tr": "genç yetenekler"},
    {
        "nl": "sporters na een blessure",
        "en": "athletes returning from injury",
        "de": "Sportler nach einer Verletzung",
        "tr": "sakatlıktan dönen sporcular",
    },
    {"nl": "scheidsrechters", "en": "referees", "de": "Schiedsrichter", "tr": "hakemler"},
    {"nl": "vegetariërs", "en": "vegetarians", "de": "Vegetarier", "tr": "vejetaryenler"},
    {
        "nl": "mensen met knieklachten",
        "en": "people with knee problems",
        "de": "Menschen mit Knieproblemen",
        "tr": "diz sorunu olanlar",
    },
]

CATEGORIES = [
    {"nl": "Training", "en": "Training", "de": "Training", "tr": "Antrenman"},
    {"nl": "Voeding", "en": "Nutrition", "de": "Ernährung", "tr": "Beslenme"},
    {"nl": "Regels", "en": "Rules", "de": "Regeln", "tr": "Kurallar"},
    {"nl": "Uitrusting", "en": "Equipment", "de": "Ausrüstung", "tr": "Ekipman"},
    {"nl": "Herstel", "en": "Recovery", "de": "Regeneration", "tr": "Toparlanma"},
    {"nl": "Geschiedenis", "en": "History", "de": "Geschichte", "tr": "Tarih"},
    {"nl": "Wedstrijden", "en": "Competition", "de": "Wettkampf", "tr": "Yarışma"},
    {"nl": "Techniek", "en": "Technique", "de": "Technik", "tr": "Teknik"},
    {"nl": "Gezondheid", "en": "Health", "de": "Gesundheit", "tr": "Sağlık"},
    {"nl": "Tactiek", "en": "Tactics", "de": "Taktik", "tr": "Taktik"},
]

CATEGORY_DESCRIPTIONS = [
    {
        "nl": "Deze categorie gaat over trainingsschema's, belasting en het stap voor stap opbouwen van je conditie.",
        "en": "This category covers training plans, workload and building up your fitness step by step.",
        "de": "In dieser Kategorie geht es um Trainingspläne, Belastung und den schrittweisen Aufbau der Fitness.",
        "tr": "Bu kategori antrenman planlarını, yüklenmeyi ve kondisyonun adım adım geliştirilmesini kapsar.",
    },
    {
        "nl": "Hier vind je antwoorden over eten en drinken voor, tijdens en na het sporten.",
        "en": "Here you will find answers about eating and drinking before, during and after exercise.",
        "de": "Hier finden Sie Antworten rund ums Essen und Trinken vor, während und nach dem Sport.",
        "tr": "Burada spordan önce, spor sırasında ve spordan sonra yeme içme ile ilgili yanıtlar bulabilirsiniz.",
    },
    {
        "nl": "Deze categorie legt regels, puntentelling en beslissingen van scheidsrechters in veel sporten uit.",
        "en": "This category explains rules, scoring and referee decisions in many different sports.",
        "de": "Diese Kategorie erklärt Regeln, Wertungen und Schiedsrichterentscheidungen in vielen Sportarten.",
        "tr": "Bu kategori birçok farklı spordaki kuralları, puanlamayı ve hakem kararlarını açıklar.",
    },
    {
        "nl": "Lees advies over het kiezen, gebruiken en onderhouden van schoenen, kleding en andere spullen.",
        "en": "Read advice on choosing, using and maintaining shoes, clothing and other gear.",
        "de": "Lesen Sie Tipps zur Auswahl, Nutzung und Pflege von Schuhen, Kleidung und weiterer Ausrüstung.",
        "tr": "Ayakkabı, kıyafet ve diğer malzemelerin seçimi, kullanımı ve bakımı hakkındaki önerileri okuyun.",
    },
    {
        "nl": "Ontdek hoe rust, slaap en slimme planning je lichaam helpen te herstellen na inspanning.",
        "en": "Learn how rest, sleep and smart planning help your body recover after exertion.",
        "de": "Erfahren Sie, wie Ruhe, Schlaf und kluge Planung dem Körper helfen, sich nach Belastung zu erholen.",
        "tr": "Dinlenme, uyku ve akıllı planlamanın efordan sonra vücudun toparlanmasına nasıl yardımcı olduğunu "
        "öğrenin.",
    },
    {
        "nl": "Ontdek waar sporten vandaan komen, welke momenten beroemd werden en hoe sporten door de jaren heen "
        "zijn veranderd.",
        "en": "Discover where sports come from, which moments became famous and how sports have changed over the "
        "years.",
        "de": "Entdecken Sie, woher Sportarten stammen, welche Momente berühmt wurden und wie sich der Sport im Laufe "
        "der Jahre verändert hat.",
        "tr": "Sporların nereden geldiğini, hangi anların ünlü olduğunu ve sporun yıllar içinde nasıl değiştiğini "
        "keşfedin.",
    },
    {
        "nl": "Deze categorie gaat over de voorbereiding op wedstrijden, omgaan met zenuwen en presteren op de dag "
        "zelf.",
        "en": "This category is about preparing for matches and races, handling nerves and performing on the day.",
        "de": "In dieser Kategorie geht es um die Vorbereitung auf Wettkämpfe, den Umgang mit Nervosität und die "
        "Leistung am entscheidenden Tag.",
        "tr": "Bu kategori maçlara ve yarışlara hazırlanmayı, heyecanla başa çıkmayı ve o gün iyi performans "
        "göstermeyi konu alır.",
    },
    {
        "nl": "Hier leggen experts uit hoe je bewegingen correct en efficiënt uitvoert.",
        "en": "Here experts explain how to perform movements correctly and efficiently.",
        "de": "Hier erklären Fachleute, wie man Bewegungen korrekt und effizient ausführt.",
        "tr": "Burada uzmanlar hareketlerin doğru ve verimli bir şekilde nasıl yapılacağını anlatıyor.",
    },
    {
        "nl": "Hier worden vragen beantwoord over blessurepreventie, gezond blijven en sporten met een medische "
        "aandoening.",
        "en": "Questions about preventing injuries, staying healthy and exercising with a medical condition are "
        "answered here.",
        "de": "Hier werden Fragen zur Vorbeugung von Verletzungen, zur Gesundheit und zum Sport mit Vorerkrankungen "
        "beantwortet.",
        "tr": "Burada sakatlıkları önleme, sağlıklı kalma ve bir sağlık sorunu varken spor yapma hakkındaki sorular "
        "yanıtlanıyor.",
    },
    {
        "nl": "Deze categorie behandelt spelplannen, positiespel en slimme keuzes tijdens een wedstrijd.",
        "en": "This category deals with game plans, positioning and smart decisions during a match or race.",
        "de": "Diese Kategorie behandelt Spielpläne, Positionierung und kluge Entscheidungen während eines Wettkampfs.",
        "tr": "Bu kategori oyun planlarını, pozisyon almayı ve maç ya da yarış sırasında akıllıca kararlar vermeyi "
        "ele alır.",
    },
]

FIRST_NAMES = [
    # Dutch
    "Sanne", "Daan", "Lotte", "Bram", "Femke", "Joris", "Anouk", "Thijs",
    "Eva", "Ruben", "Lieke", "Sem", "Noor", "Jasper", "Fleur", "Wouter",
    # English
    "Emily", "James", "Olivia", "Jack", "Sophie", "Harry", "Grace", "Thomas",
    "Chloe", "Oliver", "Megan", "Liam", "Daniel", "Charlotte", "George", "Amelia",
    # German
    "Lukas", "Lena", "Jonas", "Mia", "Felix", "Leonie", "Maximilian", "Johanna",
    "Paul", "Katharina", "Tobias", "Greta", "Moritz", "Clara", "Niklas", "Jürgen",
    # Turkish
    "Elif", "Mehmet", "Zeynep", "Emre", "Ayşe", "Burak", "Merve", "Can", "Selin",
    "Mert", "Esra", "Kerem", "Defne", "Oğuz", "Büşra", "İrem", "Çağla", "Yusuf",
]  # fmt: skip

LAST_NAMES = [
    # Dutch
    "de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
    # English
    "Smith", "Johnson", "Williams", "Brown", "Taylor", "Wilson", "Evans", "Walker",
    "Wright", "Robinson", "Thompson", "Hughes", "Clarke", "Green", "Hall", "Turner",
    # German
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
    "Schulz", "Hoffmann", "Koch", "Richter", "Wolf", "Schröder", "Neumann", "Krüger",
    # Turkish
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
    "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kurt", "Erdem", "Koç",
]  # fmt: skip


def _by_language(rows):
    """Turn rows of {code: template} into {code: [template, ...]}, keeping the rows parallel."""
    return {code: [row[code] for row in rows] for code in LANGUAGES}


# Templates per language. Placeholders: {sport}, {skill}, {people}, {number} (an integer 2..20), nothing else.
# Every template starts with a fixed word, never with a placeholder. German puts the inserted words where they need
# no article or ending ("in der Sportart {sport}", "beim Thema {skill}", "für {people}"); Turkish only follows them
# with postpositions or compound nouns ("{sport} için", "{skill} konusunda", "{sport} antrenmanlarında").

TITLE_TEMPLATES = _by_language(
    [
        {
            "nl": "Met welke methoden werk je bij {sport} gericht aan {skill}?",
            "en": "Which methods help you work on {skill} in {sport}?",
            "de": "Mit welchen Methoden kommt man in der Sportart {sport} beim Thema {skill} weiter?",
            "tr": "Hangi yöntemler {sport} dünyasında {skill} konusunda ilerlemeye yardımcı olur?",
        },
        {
            "nl": "Waarom is {skill} zo belangrijk bij {sport}?",
            "en": "Why is {skill} so important in {sport}?",
            "de": "Warum ist {skill} in der Sportart {sport} so wichtig?",
            "tr": "Neden {sport} için {skill} bu kadar önemli?",
        },
        {
            "nl": "Wat moeten {people} weten voordat ze beginnen met {sport}?",
            "en": "What should {people} know before they take up {sport}?",
            "de": "Was sollten {people} wissen, bevor sie mit {sport} beginnen?",
            "tr": "Başlamadan önce {people} {sport} hakkında neleri bilmeli?",
        },
        {
            "nl": "Hoe vaak per week moeten {people} trainen voor {sport}?",
            "en": "How often per week should {people} train for {sport}?",
            "de": "Wie oft pro Woche sollten {people} für {sport} trainieren?",
            "tr": "Haftada kaç gün {sport} antrenmanı yapmak {people} için idealdir?",
        },
        {
            "nl": "Welke fouten maken {people} vaak bij {sport}?",
            "en": "Which mistakes do {people} often make in {sport}?",
            "de": "Welche Fehler machen {people} in der Sportart {sport} besonders häufig?",
            "tr": "Hangi hataları {people} {sport} antrenmanlarında sıkça yapıyor?",
        },
        {
            "nl": "Hoeveel minuten warming-up zijn genoeg voor een training bij {sport}?",
            "en": "How many minutes of warming up are enough before training in {sport}?",
            "de": "Wie viele Minuten Aufwärmen reichen vor dem Training in der Sportart {sport}?",
            "tr": "Kaç dakikalık bir ısınma {sport} antrenmanı öncesinde yeterlidir?",
        },
        {
            "nl": "Welke voeding kies je het best vóór een training als je aan {sport} doet?",
            "en": "Which foods are the best choice before training in {sport}?",
            "de": "Welche Lebensmittel eignen sich vor dem Training in der Sportart {sport} am besten?",
            "tr": "Hangi yiyecekler {sport} antrenmanından önce en iyi seçimdir?",
        },
        {
            "nl": "Is {sport} geschikt voor {people}, en waar let je op?",
            "en": "Is {sport} suitable for {people}, and what matters most?",
            "de": "Ist {sport} für {people} geeignet, und worauf kommt es an?",
            "tr": "Acaba {sport}, {people} için uygun mu ve nelere dikkat edilmeli?",
        },
        {
            "nl": "Welke maatregelen helpen blessures te voorkomen bij {sport}?",
            "en": "Which measures help to prevent injuries in {sport}?",
            "de": "Welche Maßnahmen helfen, Verletzungen in der Sportart {sport} vorzubeugen?",
            "tr": "Hangi önlemler {sport} antrenmanlarında sakatlanmayı önlemeye yardımcı olur?",
        },
        {
            "nl": "Welke rol speelt {skill} voor {people} bij {sport}?",
            "en": "What role does {skill} play for {people} in {sport}?",
            "de": "Welche Rolle spielt {skill} für {people} in der Sportart {sport}?",
            "tr": "Peki {skill}, {people} için {sport} dünyasında nasıl bir rol oynar?",
        },
        {
            "nl": "Hoe lang duurt het voordat je vooruitgang ziet in {skill}?",
            "en": "How long does it take before you see progress in {skill}?",
            "de": "Wie lange dauert es, bis man beim Thema {skill} Fortschritte sieht?",
            "tr": "Ne kadar sürede {skill} konusunda gözle görülür bir ilerleme olur?",
        },
        {
            "nl": "Welke oefeningen helpen {people} om aan {skill} te werken?",
            "en": "Which exercises help {people} to work on {skill}?",
            "de": "Welche Übungen bringen {people} beim Thema {skill} weiter?",
            "tr": "Hangi egzersizler {people} için {skill} konusunda faydalıdır?",
        },
        {
            "nl": "Wat helpt je gemotiveerd te blijven tijdens {number} weken training voor {sport}?",
            "en": "What helps you stay motivated during {number} weeks of training for {sport}?",
            "de": "Was hilft dabei, über {number} Wochen Training für {sport} motiviert zu bleiben?",
            "tr": "Hangi yöntemler {number} haftalık {sport} antrenmanı boyunca motivasyonu korumaya yardımcı olur?",
        },
        {
            "nl": "Welke uitrusting heb je echt nodig voor {sport}?",
            "en": "Which equipment do you really need for {sport}?",
            "de": "Welche Ausrüstung braucht man für {sport} wirklich?",
            "tr": "Hangi ekipmanlar {sport} için gerçekten gereklidir?",
        },
        {
            "nl": "Hoe combineer je {sport} met een drukke baan?",
            "en": "How do you combine {sport} with a busy job?",
            "de": "Wie lässt sich {sport} mit einem anstrengenden Job verbinden?",
            "tr": "Yoğun bir iş temposu ile {sport} nasıl bir arada yürütülür?",
        },
        {
            "nl": "Welke tips hebben experts voor {people} over {skill}?",
            "en": "What tips do experts have for {people} on {skill}?",
            "de": "Welche Tipps haben Experten für {people} zum Thema {skill}?",
            "tr": "Uzmanlar {people} için {skill} konusunda hangi ipuçlarını veriyor?",
        },
        {
            "nl": "Kun je elke dag trainen voor {sport} zonder je lichaam te overbelasten?",
            "en": "Can you train for {sport} every day without overloading your body?",
            "de": "Kann man jeden Tag in der Sportart {sport} trainieren, ohne den Körper zu überlasten?",
            "tr": "Her gün {sport} antrenmanı yapmak vücudu aşırı yorar mı?",
        },
        {
            "nl": "Welk weekschema is geschikt voor {people} bij {sport}?",
            "en": "Which weekly schedule suits {people} in {sport}?",
            "de": "Welcher Wochenplan eignet sich für {people} in der Sportart {sport}?",
            "tr": "Nasıl bir haftalık {sport} programı {people} için uygundur?",
        },
        {
            "nl": "Hoe belangrijk is {skill} in vergelijking met talent bij {sport}?",
            "en": "How important is {skill} compared with talent in {sport}?",
            "de": "Wie wichtig ist {skill} im Vergleich zum Talent in der Sportart {sport}?",
            "tr": "Yetenekle karşılaştırıldığında {skill}, {sport} dünyasında ne kadar önemlidir?",
        },
        {
            "nl": "Welke regels bij {sport} begrijpen {people} vaak verkeerd?",
            "en": "Which rules in {sport} do {people} often misunderstand?",
            "de": "Welche Regeln der Sportart {sport} verstehen {people} oft falsch?",
            "tr": "Hangi {sport} kuralları {people} tarafından sıkça yanlış anlaşılır?",
        },
        {
            "nl": "Hoe herstel je het snelst na een zware training bij {sport}?",
            "en": "How do you recover fastest after a hard session in {sport}?",
            "de": "Wie erholt man sich nach harten Einheiten in der Sportart {sport} am schnellsten?",
            "tr": "Ağır bir {sport} antrenmanından sonra en hızlı nasıl toparlanılır?",
        },
        {
            "nl": "Is het zinvol om met een app aan {skill} te werken?",
            "en": "Does it make sense to work on {skill} with an app?",
            "de": "Ist es sinnvoll, mit einer App am Thema {skill} zu arbeiten?",
            "tr": "Bir uygulama ile {skill} üzerinde çalışmak mantıklı mı?",
        },
        {
            "nl": "Vanaf welke leeftijd kunnen kinderen beginnen met {sport}?",
            "en": "From what age can children start with {sport}?",
            "de": "Ab welchem Alter können Kinder mit {sport} beginnen?",
            "tr": "Çocuklar kaç yaşından itibaren {sport} ile başlayabilir?",
        },
        {
            "nl": "Hoe helpt {sport} bij {skill} in het dagelijks leven?",
            "en": "How does {sport} help with {skill} in everyday life?",
            "de": "Wie hilft {sport} im Alltag beim Thema {skill}?",
            "tr": "Günlük hayatta {sport}, {skill} konusunda nasıl yardımcı olur?",
        },
        {
            "nl": "Wat doe je als je motivatie voor {sport} na {number} weken afneemt?",
            "en": "What can you do if your motivation for {sport} drops after {number} weeks?",
            "de": "Was tun, wenn nach {number} Wochen die Motivation für {sport} nachlässt?",
            "tr": "Eğer {number} hafta sonra {sport} motivasyonu azalırsa ne yapılmalı?",
        },
    ]
)

SUMMARY_TEMPLATES = _by_language(
    [
        {
            "nl": "Dit artikel legt uit hoe {people} stap voor stap aan {skill} kunnen werken bij {sport}.",
            "en": "This article explains how {people} can work on {skill} in {sport}, step by step.",
            "de": "Dieser Artikel erklärt, wie {people} in der Sportart {sport} Schritt für Schritt beim Thema "
            "{skill} vorankommen.",
            "tr": "Bu yazı, {people} için {sport} dünyasında {skill} konusunda adım adım nasıl ilerleneceğini "
            "anlatıyor.",
        },
        {
            "nl": "Hier lees je welke fouten veel voorkomen bij {sport} en hoe je ze vermijdt.",
            "en": "Here you can read which mistakes are common in {sport} and how to avoid them.",
            "de": "Hier erfahren Sie, welche Fehler in der Sportart {sport} häufig vorkommen und wie man sie "
            "vermeidet.",
            "tr": "Burada {sport} antrenmanlarında sık yapılan hataları ve bunlardan nasıl kaçınılacağını "
            "bulabilirsiniz.",
        },
        {
            "nl": "Een praktisch overzicht van training, rust en voeding voor {people} die meer uit {sport} willen "
            "halen.",
            "en": "A practical overview of training, rest and nutrition for {people} who want to get more out of "
            "{sport}.",
            "de": "Ein praktischer Überblick über Training, Ruhe und Ernährung für {people}, die in der Sportart "
            "{sport} mehr erreichen wollen.",
            "tr": "Bu sayfa, {sport} dünyasında daha fazlasını isteyen {people} için antrenman, dinlenme ve beslenme "
            "konularını pratik bir şekilde özetliyor.",
        },
        {
            "nl": "Het antwoord laat zien hoeveel tijd je per week nodig hebt en welke resultaten na {number} weken "
            "realistisch zijn.",
            "en": "The answer shows how much time you need per week and which results are realistic after {number} "
            "weeks.",
            "de": "Die Antwort zeigt, wie viel Zeit man pro Woche braucht und welche Ergebnisse nach {number} Wochen "
            "realistisch sind.",
            "tr": "Yanıt, haftada ne kadar zaman gerektiğini ve {number} hafta sonra hangi sonuçların gerçekçi "
            "olduğunu gösteriyor.",
        },
        {
            "nl": "We leggen uit waarom {skill} ertoe doet bij {sport} en hoe je eraan werkt zonder speciale "
            "uitrusting.",
            "en": "We explain why {skill} matters in {sport} and how to work on it without special equipment.",
            "de": "Wir erklären, warum {skill} in der Sportart {sport} zählt und wie man ohne spezielle Ausrüstung "
            "daran arbeitet.",
            "tr": "Bu sayfada {sport} dünyasında {skill} konusunun neden önemli olduğunu ve özel ekipman olmadan "
            "nasıl geliştirileceğini açıklıyoruz.",
        },
        {
            "nl": "Ervaren sporters vertellen wat hen het meest hielp toen ze met {sport} begonnen.",
            "en": "Experienced athletes share what helped them most when they started with {sport}.",
            "de": "Erfahrene Sportler erzählen, was ihnen am meisten geholfen hat, als sie mit {sport} angefangen "
            "haben.",
            "tr": "Deneyimli sporcular, {sport} ile başladıklarında kendilerine en çok neyin yardımcı olduğunu "
            "anlatıyor.",
        },
        {
            "nl": "Deze pagina beantwoordt de vraag of {sport} een goede keuze is voor {people}, met tips voor een "
            "veilige start.",
            "en": "This page answers the question of whether {sport} is a good choice for {people}, with tips for a "
            "safe start.",
            "de": "Diese Seite beantwortet die Frage, ob {sport} eine gute Wahl für {people} ist, und gibt Tipps für "
            "einen sicheren Einstieg.",
            "tr": "Bu sayfa, {sport} sporunun {people} için iyi bir seçim olup olmadığını yanıtlıyor ve güvenli bir "
            "başlangıç için ipuçları veriyor.",
        },
        {
            "nl": "Lees hoe je een trainingsplan voor {sport} opstelt dat past bij werk, gezin en rust.",
            "en": "Read how to put together a training plan for {sport} that fits around work, family and rest.",
            "de": "Lesen Sie, wie man einen Trainingsplan für {sport} erstellt, der zu Beruf, Familie und Erholung "
            "passt.",
            "tr": "İş, aile ve dinlenmeyle uyumlu bir {sport} antrenman planının nasıl hazırlanacağını okuyun.",
        },
        {
            "nl": "Een korte uitleg van de basisregels en de belangrijkste begrippen bij {sport}.",
            "en": "A short explanation of the basic rules and the most important terms in {sport}.",
            "de": "Eine kurze Erklärung der Grundregeln und der wichtigsten Begriffe in der Sportart {sport}.",
            "tr": "Bu sayfa, {sport} dünyasındaki temel kuralları ve en önemli terimleri kısaca açıklıyor.",
        },
        {
            "nl": "Hier vind je advies over voeding en herstel voor {people} die meerdere keren per week trainen.",
            "en": "Here you will find advice on nutrition and recovery for {people} who train several times a week.",
            "de": "Hier finden Sie Ratschläge zu Ernährung und Erholung für {people}, die mehrmals pro Woche "
            "trainieren.",
            "tr": "Burada haftada birkaç kez antrenman yapan {people} için beslenme ve toparlanma önerileri "
            "bulacaksınız.",
        },
        {
            "nl": "Het antwoord legt uit welke signalen van je lichaam je bij {sport} serieus moet nemen.",
            "en": "The answer explains which signals from your body you should take seriously in {sport}.",
            "de": "Die Antwort erklärt, welche Signale des Körpers man in der Sportart {sport} ernst nehmen sollte.",
            "tr": "Yanıt, {sport} antrenmanlarında vücudun hangi sinyallerinin ciddiye alınması gerektiğini açıklıyor.",
        },
        {
            "nl": "Praktische tips over {skill} die {people} in de praktijk hebben getest, eenvoudig uitgelegd.",
            "en": "Practical tips on {skill} that {people} have tested in everyday life, explained simply.",
            "de": "Praktische Tipps zum Thema {skill}, die {people} im Alltag getestet haben, einfach erklärt.",
            "tr": "Burada {people} tarafından günlük hayatta denenmiş {skill} ipuçlarını sade bir dille "
            "bulabilirsiniz.",
        },
    ]
)

HEADING_TEMPLATES = _by_language(
    [
        {
            "nl": "Waarom is {skill} zo belangrijk?",
            "en": "Why does {skill} matter so much?",
            "de": "Warum ist {skill} so wichtig?",
            "tr": "Neden {skill} bu kadar önemlidir?",
        },
        {
            "nl": "Hoe begin je veilig met {sport}?",
            "en": "How do you start safely with {sport}?",
            "de": "Wie gelingt ein sicherer Einstieg in die Sportart {sport}?",
            "tr": "Güvenli bir {sport} başlangıcı için neler gerekir?",
        },
        {
            "nl": "Hoe ziet een goede warming-up eruit?",
            "en": "What does a good warm-up look like?",
            "de": "Wie sieht ein gutes Aufwärmprogramm aus?",
            "tr": "İyi bir ısınma nasıl olmalı?",
        },
        {
            "nl": "Hoeveel rust heb je nodig tussen trainingen?",
            "en": "How much rest do you need between sessions?",
            "de": "Wie viel Pause braucht man zwischen den Einheiten?",
            "tr": "Antrenmanlar arasında ne kadar dinlenmek gerekir?",
        },
        {
            "nl": "Welke fouten moeten {people} vermijden?",
            "en": "Which mistakes should {people} avoid?",
            "de": "Welche Fehler sollten {people} vermeiden?",
            "tr": "Hangi hatalardan {people} özellikle kaçınmalı?",
        },
        {
            "nl": "Wat moet je eten en drinken?",
            "en": "What should you eat and drink?",
            "de": "Was sollte man essen und trinken?",
            "tr": "Ne yenmeli ve ne içilmeli?",
        },
        {
            "nl": "Hoe meet je je vooruitgang in {skill}?",
            "en": "How do you measure your progress in {skill}?",
            "de": "Wie misst man Fortschritte beim Thema {skill}?",
            "tr": "İlerlemenizi {skill} konusunda nasıl ölçebilirsiniz?",
        },
        {
            "nl": "Welke uitrusting is het geld waard?",
            "en": "Which equipment is worth the money?",
            "de": "Welche Ausrüstung ist ihr Geld wert?",
            "tr": "Hangi ekipman gerçekten parasına değer?",
        },
        {
            "nl": "Wanneer kun je beter naar een arts gaan?",
            "en": "When is it better to see a doctor?",
            "de": "Wann sollte man besser zum Arzt gehen?",
            "tr": "Ne zaman bir doktora başvurmak gerekir?",
        },
        {
            "nl": "Hoe pas je training in een drukke week?",
            "en": "How do you fit training into a busy week?",
            "de": "Wie passt Training in eine volle Woche?",
            "tr": "Yoğun bir haftaya antrenman nasıl sığdırılır?",
        },
        {
            "nl": "Wat is een realistisch doel na {number} weken?",
            "en": "What is a realistic goal after {number} weeks?",
            "de": "Was ist nach {number} Wochen ein realistisches Ziel?",
            "tr": "Hangi hedef {number} hafta sonra gerçekçidir?",
        },
        {
            "nl": "Hoe beïnvloedt {skill} je prestaties bij {sport}?",
            "en": "How does {skill} affect your performance in {sport}?",
            "de": "Wie beeinflusst {skill} die Leistung in der Sportart {sport}?",
            "tr": "Peki {skill}, {sport} performansını nasıl etkiler?",
        },
        {
            "nl": "Wat raden ervaren trainers aan?",
            "en": "What do experienced coaches recommend?",
            "de": "Was empfehlen erfahrene Trainer?",
            "tr": "Deneyimli antrenörler neler öneriyor?",
        },
        {
            "nl": "Kun je beter alleen of in een groep trainen?",
            "en": "Is it better to train alone or in a group?",
            "de": "Trainiert man besser allein oder in der Gruppe?",
            "tr": "Tek başına mı yoksa grupla mı antrenman yapmalı?",
        },
        {
            "nl": "Hoe voorkom je overtraining?",
            "en": "How do you avoid overtraining?",
            "de": "Wie vermeidet man Übertraining?",
            "tr": "Aşırı antrenmandan nasıl kaçınılır?",
        },
        {
            "nl": "Welke rol speelt slaap bij herstel?",
            "en": "What role does sleep play in recovery?",
            "de": "Welche Rolle spielt Schlaf bei der Erholung?",
            "tr": "Uyku toparlanmada nasıl bir rol oynar?",
        },
        {
            "nl": "Hoe blijven {people} langer gemotiveerd?",
            "en": "How can {people} stay motivated for longer?",
            "de": "Wie bleiben {people} länger motiviert?",
            "tr": "Motivasyonu uzun süre korumak için {people} ne yapabilir?",
        },
        {
            "nl": "Welke oefeningen kun je thuis doen?",
            "en": "Which exercises can you do at home?",
            "de": "Welche Übungen kann man zu Hause machen?",
            "tr": "Evde hangi egzersizler yapılabilir?",
        },
        {
            "nl": "Hoeveel minuten per training zijn genoeg?",
            "en": "How many minutes per session are enough?",
            "de": "Wie viele Minuten pro Einheit reichen aus?",
            "tr": "Antrenman başına kaç dakika yeterlidir?",
        },
        {
            "nl": "Wat is het beste moment van de dag om te trainen?",
            "en": "What is the best time of day to train?",
            "de": "Welche Tageszeit eignet sich am besten zum Training?",
            "tr": "Günün hangi saatinde antrenman yapmak en iyisidir?",
        },
        {
            "nl": "Hoe combineer je {sport} met andere sporten?",
            "en": "How do you combine {sport} with other sports?",
            "de": "Wie lässt sich {sport} mit anderen Sportarten kombinieren?",
            "tr": "Başka sporlarla {sport} nasıl birleştirilir?",
        },
        {
            "nl": "Wat verandert er als je ouder wordt?",
            "en": "What changes as you get older?",
            "de": "Was ändert sich, wenn man älter wird?",
            "tr": "Yaş ilerledikçe neler değişir?",
        },
        {
            "nl": "Welke signalen wijzen op een blessure?",
            "en": "Which signs point to an injury?",
            "de": "Welche Anzeichen deuten auf eine Verletzung hin?",
            "tr": "Hangi belirtiler bir sakatlığa işaret eder?",
        },
        {
            "nl": "Hoe bereid je je voor op je eerste wedstrijd?",
            "en": "How do you prepare for your first competition?",
            "de": "Wie bereitet man sich auf den ersten Wettkampf vor?",
            "tr": "İlk yarışma için nasıl bir hazırlık yapılmalı?",
        },
        {
            "nl": "Hoe belangrijk is {skill} voor {people}?",
            "en": "How important is {skill} for {people}?",
            "de": "Wie wichtig ist {skill} für {people}?",
            "tr": "Acaba {skill}, {people} için ne kadar önemli?",
        },
        {
            "nl": "Hoe train je veilig bij warm weer?",
            "en": "How do you train safely in hot weather?",
            "de": "Wie trainiert man bei Hitze sicher?",
            "tr": "Sıcak havada güvenli antrenman nasıl yapılır?",
        },
        {
            "nl": "Wat doe je na een trainingspauze?",
            "en": "What should you do after a training break?",
            "de": "Was tun nach einer Trainingspause?",
            "tr": "Antrenmana ara verdikten sonra ne yapılmalı?",
        },
        {
            "nl": "Welke supplementen zijn echt nuttig?",
            "en": "Which supplements are actually useful?",
            "de": "Welche Nahrungsergänzungsmittel sind wirklich sinnvoll?",
            "tr": "Hangi takviyeler gerçekten işe yarar?",
        },
        {
            "nl": "Hoe blijft trainen op de lange termijn leuk?",
            "en": "How do you keep training fun in the long run?",
            "de": "Wie macht Training auf Dauer Spaß?",
            "tr": "Antrenman uzun vadede nasıl eğlenceli kalır?",
        },
        {
            "nl": "Wat zegt de wetenschap over {skill}?",
            "en": "What does science say about {skill}?",
            "de": "Was sagt die Wissenschaft zum Thema {skill}?",
            "tr": "Bilim {skill} hakkında ne söylüyor?",
        },
        {
            "nl": "Hoe stel je een plan op voor {number} weken?",
            "en": "How do you put together a plan for {number} weeks?",
            "de": "Wie erstellt man einen Plan für {number} Wochen?",
            "tr": "Toplam {number} haftalık bir plan nasıl hazırlanır?",
        },
        {
            "nl": "Welke techniekfouten komen het vaakst voor bij {sport}?",
            "en": "Which technical mistakes are most common in {sport}?",
            "de": "Welche Technikfehler sind in der Sportart {sport} am häufigsten?",
            "tr": "Hangi teknik hatalar {sport} dünyasında en yaygındır?",
        },
        {
            "nl": "Heb je een trainer nodig om beter te worden?",
            "en": "Do you need a coach to improve?",
            "de": "Braucht man einen Trainer, um besser zu werden?",
            "tr": "Gelişmek için bir antrenöre ihtiyaç var mı?",
        },
        {
            "nl": "Hoe ga je om met zenuwen voor een wedstrijd?",
            "en": "How do you deal with nerves before a competition?",
            "de": "Wie geht man mit Nervosität vor einem Wettkampf um?",
            "tr": "Yarışma öncesi heyecanla nasıl başa çıkılır?",
        },
        {
            "nl": "Wat kunnen {people} leren van profs?",
            "en": "What can {people} learn from professionals?",
            "de": "Was können {people} von Profis lernen?",
            "tr": "Profesyonellerden {people} neler öğrenebilir?",
        },
    ]
)

SENTENCE_TEMPLATES = _by_language(
    [
        {
            "nl": "Veel {people} onderschatten hoe sterk {skill} bijdraagt aan gestage vooruitgang bij {sport}.",
            "en": "Many {people} underestimate how strongly {skill} contributes to steady progress in {sport}.",
            "de": "Viele {people} unterschätzen, wie stark {skill} zu stetigen Fortschritten in der Sportart {sport} "
            "beiträgt.",
            "tr": "Çoğu zaman {people}, {skill} konusunun {sport} dünyasında istikrarlı ilerlemeye ne kadar katkı "
            "sağladığını hafife alır.",
        },
        {
            "nl": "Een rustige warming-up van tien tot vijftien minuten bereidt je spieren en gewrichten voor op de "
            "inspanning.",
            "en": "A calm warm-up of ten to fifteen minutes prepares your muscles and joints for the effort ahead.",
            "de": "Zehn bis fünfzehn Minuten ruhiges Aufwärmen bereiten Muskeln und Gelenke auf die kommende "
            "Belastung vor.",
            "tr": "On ila on beş dakikalık sakin bir ısınma, kasları ve eklemleri yaklaşan efora hazırlar.",
        },
        {
            "nl": "Bouw je trainingsbelasting geleidelijk op over {number} weken, zodat je lichaam tijd krijgt om "
            "zich aan te passen.",
            "en": "Build up your training load gradually over {number} weeks, so that your body has time to adapt.",
            "de": "Die Trainingsbelastung sollte über {number} Wochen allmählich steigen, damit sich der Körper "
            "anpassen kann.",
            "tr": "Vücudunuzun uyum sağlamasına zaman tanımak için antrenman yükünü {number} hafta boyunca kademeli "
            "olarak artırın.",
        },
        {
            "nl": "Voor {people} werkt het vaak het best om eerst op {skill} te focussen en pas later de intensiteit "
            "te verhogen.",
            "en": "For {people}, it often works best to focus on {skill} first and to raise the intensity later.",
            "de": "Für {people} ist es oft am besten, sich zuerst auf das Thema {skill} zu konzentrieren und erst "
            "später die Intensität zu erhöhen.",
            "tr": "Çoğu zaman {people} için en iyisi, önce {skill} konusuna odaklanmak ve yoğunluğu daha sonra "
            "artırmaktır.",
        },
        {
            "nl": "Pijn die langer dan een paar dagen aanhoudt, is een signaal om rust te nemen en een deskundige te "
            "raadplegen.",
            "en": "Pain that lasts longer than a few days is a signal to rest and to consult a professional.",
            "de": "Schmerzen, die länger als einige Tage anhalten, sind ein Signal, eine Pause einzulegen und "
            "Fachleute zu fragen.",
            "tr": "Eğer ağrı birkaç günden uzun sürüyorsa dinlenmek ve bir uzmana danışmak gerekir.",
        },
        {
            "nl": "Bij {sport} besparen kleine verbeteringen in de techniek vaak meer energie dan extra trainingsuren.",
            "en": "In {sport}, small improvements in technique often save more energy than extra hours of training.",
            "de": "In der Sportart {sport} sparen kleine Verbesserungen der Technik oft mehr Energie als zusätzliche "
            "Trainingsstunden.",
            "tr": "Çoğu zaman {sport} dünyasında teknikteki küçük gelişmeler, ek antrenman saatlerinden daha fazla "
            "enerji tasarrufu sağlar.",
        },
        {
            "nl": "Verspreid over de dag regelmatig water drinken werkt beter dan vlak voor de training veel drinken.",
            "en": "Drinking water regularly throughout the day is more effective than drinking a lot just before "
            "training.",
            "de": "Über den Tag verteilt regelmäßig Wasser zu trinken, ist wirksamer, als kurz vor dem Training viel "
            "zu trinken.",
            "tr": "Gün boyunca düzenli olarak su içmek, antrenmandan hemen önce çok su içmekten daha etkilidir.",
        },
        {
            "nl": "Een trainingsdagboek laat je na {number} weken zien welke gewoonten echt verschil maken.",
            "en": "A training diary shows you after {number} weeks which habits really make a difference.",
            "de": "Ein Trainingstagebuch zeigt nach {number} Wochen, welche Gewohnheiten wirklich einen Unterschied "
            "machen.",
            "tr": "Bir antrenman günlüğü, {number} hafta sonra hangi alışkanlıkların gerçekten fark yarattığını "
            "görmenize yardımcı olur.",
        },
        {
            "nl": "Zelfs ervaren sporters bij {sport} keren regelmatig terug naar basisoefeningen om hun techniek "
            "zuiver te houden.",
            "en": "Even experienced athletes in {sport} regularly return to basic drills to keep their technique "
            "clean.",
            "de": "Selbst erfahrene Sportler in der Sportart {sport} kehren regelmäßig zu Grundübungen zurück, um "
            "ihre Technik sauber zu halten.",
            "tr": "Deneyimli {sport} sporcuları bile tekniklerini temiz tutmak için düzenli olarak temel "
            "alıştırmalara geri döner.",
        },
        {
            "nl": "Slaap is een van de meest onderschatte onderdelen van herstel, vooral voor {people}.",
            "en": "Sleep is one of the most underrated parts of recovery, especially for {people}.",
            "de": "Schlaf gehört zu den am meisten unterschätzten Bausteinen der Erholung, besonders für {people}.",
            "tr": "Uyku, özellikle {people} için toparlanmanın en çok hafife alınan parçalarından biridir.",
        },
        {
            "nl": "Plan minstens één volledige rustdag per week, ook als je je fit voelt.",
            "en": "Try to plan at least one full rest day every week, even when you feel fit.",
            "de": "Mindestens ein kompletter Ruhetag pro Woche gehört in jeden Plan, auch wenn man sich fit fühlt.",
            "tr": "Kendinizi zinde hissetseniz bile haftada en az bir tam dinlenme günü planlamaya çalışın.",
        },
        {
            "nl": "Werken aan {skill} vraagt geen dure uitrusting, want een duidelijk plan en wat geduld zijn genoeg.",
            "en": "Working on {skill} does not require expensive equipment, because a clear plan and some patience "
            "are enough.",
            "de": "Wer beim Thema {skill} vorankommen will, braucht keine teure Ausrüstung, sondern einen klaren Plan "
            "und etwas Geduld.",
            "tr": "Pahalı ekipmana gerek yoktur, çünkü {skill} üzerinde çalışmak için net bir plan ve biraz sabır "
            "yeterlidir.",
        },
        {
            "nl": "Veel trainingsschema's voor {people} bij {sport} duren ongeveer {number} weken en bouwen stap voor "
            "stap op.",
            "en": "Many training plans for {people} in {sport} last about {number} weeks and build up step by step.",
            "de": "Viele Trainingspläne für {people} in der Sportart {sport} dauern etwa {number} Wochen und bauen "
            "sich Schritt für Schritt auf.",
            "tr": "Birçok {sport} antrenman planı {people} için yaklaşık {number} hafta sürer ve adım adım ilerler.",
        },
        {
            "nl": "Als je duizelig wordt of kortademig bent, stop dan direct en neem rustig de tijd om te herstellen.",
            "en": "If you feel dizzy or short of breath, stop immediately and take your time to recover.",
            "de": "Bei Schwindel oder Atemnot sollte man sofort aufhören und sich in Ruhe Zeit zur Erholung nehmen.",
            "tr": "Baş dönmesi ya da nefes darlığı hissederseniz hemen durun ve toparlanmak için kendinize zaman "
            "tanıyın.",
        },
        {
            "nl": "Een goed voorbeeld is een training met {number} korte intervallen op hoog tempo en rustig herstel "
            "daartussen.",
            "en": "A good example is a session with {number} short intervals at a high pace and calm recovery in "
            "between.",
            "de": "Ein gutes Beispiel ist eine Einheit mit {number} kurzen Intervallen in hohem Tempo und ruhigen "
            "Pausen dazwischen.",
            "tr": "İyi bir örnek, yüksek tempoda {number} kısa aralık ve aralarında sakin dinlenme içeren bir "
            "antrenmandır.",
        },
        {
            "nl": "Trainers bij {sport} zeggen vaak dat {skill} het verschil maakt tussen goede en zeer goede "
            "sporters.",
            "en": "Coaches in {sport} often say that {skill} is what separates good athletes from very good ones.",
            "de": "Trainer in der Sportart {sport} sagen oft, dass {skill} gute von sehr guten Sportlern "
            "unterscheidet.",
            "tr": "Pek çok {sport} antrenörü, iyi sporcuları çok iyi sporculardan ayıran şeyin {skill} olduğunu "
            "söyler.",
        },
        {
            "nl": "Vergelijk jezelf niet met anderen, maar met waar je {number} weken geleden stond, want daar zie je "
            "echte vooruitgang.",
            "en": "Do not compare yourself with others but with where you were {number} weeks ago, because that is "
            "where real progress shows.",
            "de": "Vergleichen Sie sich nicht mit anderen, sondern mit Ihrem Stand von vor {number} Wochen, denn dort "
            "zeigt sich echter Fortschritt.",
            "tr": "Kendinizi başkalarıyla değil, {number} hafta önceki seviyenizle karşılaştırın, çünkü gerçek "
            "ilerleme orada görünür.",
        },
        {
            "nl": "Een maaltijd met koolhydraten en wat eiwit, twee tot drie uur voor de training, geeft energie "
            "zonder een zwaar gevoel in je maag.",
            "en": "A meal with carbohydrates and some protein two to three hours before training gives you energy "
            "without a heavy stomach.",
            "de": "Eine Mahlzeit mit Kohlenhydraten und etwas Eiweiß zwei bis drei Stunden vor dem Training liefert "
            "Energie, ohne schwer im Magen zu liegen.",
            "tr": "Antrenmandan iki üç saat önce karbonhidrat ve biraz protein içeren bir öğün, mideyi yormadan "
            "enerji verir.",
        },
        {
            "nl": "Voor {people} kan een groep of vereniging het veel makkelijker maken om vol te houden met {sport}.",
            "en": "For {people}, a group or club can make it much easier to keep going with {sport}.",
            "de": "Für {people} kann eine Gruppe oder ein Verein es deutlich leichter machen, bei der Sportart "
            "{sport} dranzubleiben.",
            "tr": "Bir grup ya da kulüp, {people} için {sport} ile devam etmeyi çok daha kolay hale getirebilir.",
        },
        {
            "nl": "Rekken na de training kan prettig voelen, maar het vervangt geen goede cooling-down.",
            "en": "Stretching after training can feel pleasant, but it does not replace a proper cool-down.",
            "de": "Dehnen nach dem Training kann sich angenehm anfühlen, ersetzt aber kein richtiges Abwärmen.",
            "tr": "Antrenman sonrası esneme hoş bir his verebilir, ancak düzgün bir soğumanın yerini tutmaz.",
        },
        {
            "nl": "Wie {number} weken achter elkaar zwaar traint zonder lichtere week, vergroot het risico op "
            "overbelasting aanzienlijk.",
            "en": "Anyone who trains hard for {number} weeks in a row without a lighter week greatly increases the "
            "risk of overload.",
            "de": "Wer {number} Wochen am Stück hart trainiert, ohne eine leichtere Woche einzuplanen, erhöht das "
            "Risiko einer Überlastung deutlich.",
            "tr": "Hafif bir hafta eklemeden {number} hafta üst üste yoğun antrenman yapmak, aşırı yüklenme riskini "
            "ciddi şekilde artırır.",
        },
        {
            "nl": "Goede schoenen en goed passende uitrusting voorkomen veel kleine klachten bij {sport}.",
            "en": "Good shoes and well-fitting equipment prevent many small complaints in {sport}.",
            "de": "Gutes Schuhwerk und passende Ausrüstung verhindern in der Sportart {sport} viele kleine "
            "Beschwerden.",
            "tr": "İyi ayakkabılar ve vücuda uygun ekipman, {sport} antrenmanlarında birçok küçük şikâyeti önler.",
        },
        {
            "nl": "Een voorbeeld: een recreant die elke training {number} minuten aan {skill} besteedt, merkt vaak "
            "binnen een seizoen duidelijke vooruitgang.",
            "en": "An example: a recreational athlete who spends {number} minutes of every session on {skill} often "
            "sees clear progress within one season.",
            "de": "Ein Beispiel: Wer in jeder Einheit {number} Minuten in das Thema {skill} investiert, merkt oft "
            "schon innerhalb einer Saison deutliche Fortschritte.",
            "tr": "Bir örnek: Her antrenmanda {skill} üzerinde {number} dakika çalışan amatör bir sporcu, çoğu zaman "
            "bir sezon içinde belirgin bir gelişme fark eder.",
        },
        {
            "nl": "Luister naar je lichaam: vermoeidheid die zelfs na een paar rustdagen niet verdwijnt, verdient "
            "aandacht.",
            "en": "Listen to your body: tiredness that does not go away even after a few days of rest deserves "
            "attention.",
            "de": "Hören Sie auf Ihren Körper: Müdigkeit, die selbst nach einigen Ruhetagen nicht verschwindet, "
            "verdient Aufmerksamkeit.",
            "tr": "Vücudunuzu dinleyin: Birkaç gün dinlendikten sonra bile geçmeyen yorgunluk mutlaka dikkate "
            "alınmalıdır.",
        },
        {
            "nl": "Bij {sport} telt regelmaat over vele maanden zwaarder dan één perfecte week.",
            "en": "In {sport}, consistency over many months counts for more than a single perfect week.",
            "de": "In der Sportart {sport} zählt Beständigkeit über viele Monate mehr als eine einzige perfekte Woche.",
            "tr": "Aylar boyunca süren istikrar, {sport} dünyasında tek bir mükemmel haftadan daha önemlidir.",
        },
        {
            "nl": "Het helpt {people} om één duidelijk doel voor de komende {number} weken te kiezen en op te "
            "schrijven.",
            "en": "It helps {people} to choose one clear goal for the next {number} weeks and to write it down.",
            "de": "Für {people} ist es hilfreich, ein klares Ziel für die nächsten {number} Wochen festzulegen und "
            "aufzuschreiben.",
            "tr": "Önümüzdeki {number} hafta için net bir hedef belirleyip yazmak {people} için oldukça faydalıdır.",
        },
        {
            "nl": "Eiwit na de training ondersteunt het spierherstel, maar een normale gevarieerde maaltijd levert "
            "meestal genoeg.",
            "en": "Protein after training supports muscle repair, but a normal balanced meal usually provides enough.",
            "de": "Eiweiß nach dem Training unterstützt die Reparatur der Muskeln, doch eine normale ausgewogene "
            "Mahlzeit liefert meist genug.",
            "tr": "Antrenman sonrası protein kas onarımını destekler, ancak normal ve dengeli bir öğün genellikle "
            "yeterlidir.",
        },
        {
            "nl": "Wees voorzichtig met pijnstillers voor de training, omdat ze waarschuwingssignalen van je lichaam "
            "kunnen verbergen.",
            "en": "Be careful with painkillers before training, because they can hide warning signals from your body.",
            "de": "Vorsicht mit Schmerzmitteln vor dem Training, denn sie können Warnsignale des Körpers überdecken.",
            "tr": "Antrenman öncesi ağrı kesicilere dikkat edin, çünkü vücudun uyarı sinyallerini gizleyebilirler.",
        },
        {
            "nl": "Video-opnames van je eigen training maken technische fouten bij {sport} heel snel zichtbaar.",
            "en": "Video recordings of your own training make technical mistakes in {sport} visible very quickly.",
            "de": "Videoaufnahmen vom eigenen Training machen technische Fehler in der Sportart {sport} sehr schnell "
            "sichtbar.",
            "tr": "Kendi antrenmanınızın video kayıtları, {sport} dünyasındaki teknik hataları çok hızlı bir şekilde "
            "görünür kılar.",
        },
        {
            "nl": "Veel verenigingen bieden proeflessen aan, zodat {people} {sport} kunnen uitproberen zonder meteen "
            "lid te worden.",
            "en": "Many clubs offer trial sessions, so {people} can try {sport} without signing up for a membership "
            "straight away.",
            "de": "Viele Vereine bieten Probetrainings an, damit {people} die Sportart {sport} testen können, ohne "
            "sofort Mitglied zu werden.",
            "tr": "Birçok kulüp deneme dersi sunar, böylece {people} hemen üye olmadan {sport} sporunu deneyebilir.",
        },
        {
            "nl": "Houd er rekening mee dat vooruitgang in {skill} zelden in een rechte lijn verloopt en dat "
            "stilstand heel normaal is.",
            "en": "Keep in mind that progress in {skill} is rarely a straight line and that plateaus are completely "
            "normal.",
            "de": "Man sollte bedenken, dass Fortschritte beim Thema {skill} selten gleichmäßig verlaufen und "
            "Plateaus völlig normal sind.",
            "tr": "Unutmayın ki {skill} konusundaki ilerleme nadiren düz bir çizgi izler ve duraklama dönemleri "
            "tamamen normaldir.",
        },
        {
            "nl": "Train op warme dagen vroeg in de ochtend of in de avond en drink meer dan normaal.",
            "en": "On hot days, train early in the morning or in the evening and drink more than usual.",
            "de": "An heißen Tagen trainiert man am besten früh morgens oder abends und trinkt mehr als sonst.",
            "tr": "Sıcak günlerde sabah erken ya da akşam antrenman yapın ve her zamankinden daha fazla su için.",
        },
        {
            "nl": "Een sterke romp helpt bij bijna elke sport, en {sport} is daarop geen uitzondering.",
            "en": "A strong core helps in almost every sport, and {sport} is no exception.",
            "de": "Ein starker Rumpf hilft in fast jeder Sportart, und {sport} bildet da keine Ausnahme.",
            "tr": "Güçlü bir gövde neredeyse her sporda işe yarar ve {sport} sporu da bunun bir istisnası değildir.",
        },
        {
            "nl": "Houd je voor een wedstrijd aan voeding en routines die je al in de training hebt uitgeprobeerd.",
            "en": "Before a competition, stick to food and routines that you have already tested in training.",
            "de": "Vor einem Wettkampf sollte man nur Essen und Abläufe nutzen, die man im Training schon getestet "
            "hat.",
            "tr": "Yarışmadan önce yalnızca antrenmanda denediğiniz yiyeceklere ve rutinlere bağlı kalın.",
        },
        {
            "nl": "Mentale voorbereiding, zoals het visualiseren van een wedstrijd, kun je net zo goed trainen als "
            "{skill}.",
            "en": "Mental preparation, such as picturing a competition in your mind, can be trained just like {skill}.",
            "de": "Mentale Vorbereitung, etwa das Visualisieren eines Wettkampfs, lässt sich genauso trainieren wie "
            "{skill}.",
            "tr": "Yarışmayı zihinde canlandırmak gibi zihinsel hazırlık yöntemleri de tıpkı {skill} gibi "
            "geliştirilebilir.",
        },
        {
            "nl": "Na een blessure duurt het meestal {number} weken of langer voordat je weer op je oude niveau kunt "
            "trainen.",
            "en": "After an injury, it usually takes {number} weeks or more before you can train at your old level "
            "again.",
            "de": "Nach einer Verletzung dauert es meist {number} Wochen oder länger, bis man wieder auf dem alten "
            "Niveau trainieren kann.",
            "tr": "Bir sakatlıktan sonra eski seviyede yeniden antrenman yapabilmek genellikle {number} hafta veya "
            "daha uzun sürer.",
        },
        {
            "nl": "Afwisseling houdt training interessant, dus combineer lange rustige trainingen met korte, "
            "intensieve sessies.",
            "en": "Variety keeps training interesting, so combine long, calm sessions with short, intense ones.",
            "de": "Abwechslung hält das Training spannend, daher lohnt es sich, lange ruhige Einheiten mit kurzen, "
            "intensiven zu kombinieren.",
            "tr": "Çeşitlilik antrenmanı ilginç kılar, bu yüzden uzun ve sakin seansları kısa ve yoğun seanslarla "
            "birleştirin.",
        },
        {
            "nl": "Voor {people} is het aanleren van de juiste techniek belangrijker dan zo veel mogelijk trainen.",
            "en": "For {people}, learning the right technique is more important than training as much as possible.",
            "de": "Für {people} ist es wichtiger, die richtige Technik zu lernen, als möglichst viel zu trainieren.",
            "tr": "Doğru tekniği öğrenmek, {people} için mümkün olduğunca çok antrenman yapmaktan daha önemlidir.",
        },
        {
            "nl": "Ongeveer {number} procent van je trainingstijd kun je aan {skill} besteden zonder andere "
            "onderdelen te verwaarlozen.",
            "en": "Around {number} per cent of your training time can go to {skill} without neglecting other areas.",
            "de": "Etwa {number} Prozent der Trainingszeit lassen sich dem Thema {skill} widmen, ohne andere Bereiche "
            "zu vernachlässigen.",
            "tr": "Antrenman sürenizin yaklaşık yüzde {number} kadarını, diğer alanları ihmal etmeden {skill} "
            "konusuna ayırabilirsiniz.",
        },
        {
            "nl": "Vraag af en toe een ervaren trainer om mee te kijken, want kleine correcties hebben veel effect.",
            "en": "Ask an experienced coach to watch you now and then, because small corrections have a big effect.",
            "de": "Lassen Sie ab und zu einen erfahrenen Trainer zuschauen, denn kleine Korrekturen haben eine große "
            "Wirkung.",
            "tr": "Ara sıra deneyimli bir antrenörün sizi izlemesini isteyin, çünkü küçük düzeltmelerin etkisi "
            "büyüktür.",
        },
        {
            "nl": "Kinderen en tieners hebben geen speciale programma's nodig, want spelen en gevarieerd bewegen "
            "vormen de beste basis voor {sport}.",
            "en": "Children and teenagers do not need special programmes, because play and varied movement are the "
            "best basis for {sport}.",
            "de": "Kinder und Jugendliche brauchen keine Spezialprogramme, denn Spielen und vielseitige Bewegung sind "
            "die beste Grundlage für {sport}.",
            "tr": "Çocuklar ve gençler özel programlara ihtiyaç duymaz, çünkü oyun ve çeşitli hareketler {sport} için "
            "en iyi temeldir.",
        },
        {
            "nl": "Wie na een pauze van {number} weken terugkeert, begint het best op ongeveer de helft van de vorige "
            "belasting.",
            "en": "Anyone returning after a break of {number} weeks should start at about half of their previous load.",
            "de": "Wer nach einer Pause von {number} Wochen zurückkehrt, sollte mit etwa der Hälfte der früheren "
            "Belastung beginnen.",
            "tr": "Antrenmana {number} hafta ara verenler, önceki yükün yaklaşık yarısıyla yeniden başlamalıdır.",
        },
        {
            "nl": "Wees voorzichtig met plotselinge veranderingen in training, nieuwe schoenen of een nieuwe "
            "ondergrond, want die leiden vaak tot klachten.",
            "en": "Be careful with sudden changes in training, new shoes or a new surface, as they often lead to "
            "complaints.",
            "de": "Vorsicht bei plötzlichen Änderungen im Training, neuen Schuhen oder einem neuen Untergrund, denn "
            "sie führen oft zu Beschwerden.",
            "tr": "Antrenmandaki ani değişikliklere, yeni ayakkabılara veya yeni bir zemine dikkat edin, çünkü bunlar "
            "sık sık şikâyetlere yol açar.",
        },
        {
            "nl": "Trainingsmaatjes en goed gezelschap maken {sport} leuker en helpen je om vol te houden.",
            "en": "Training partners and good company make {sport} more enjoyable and help you keep going.",
            "de": "Trainingspartner und gute Gesellschaft machen {sport} angenehmer und helfen dabei, dranzubleiben.",
            "tr": "Antrenman arkadaşları ve iyi bir ortam {sport} sporunu daha keyifli hale getirir ve devam etmenize "
            "yardımcı olur.",
        },
        {
            "nl": "Meet 's ochtends je rusthartslag en doe het die dag rustig aan als die duidelijk hoger is dan "
            "normaal.",
            "en": "Measure your resting heart rate in the morning and take it easy that day if it is clearly higher "
            "than normal.",
            "de": "Messen Sie morgens den Ruhepuls und lassen Sie es an diesem Tag ruhig angehen, wenn er deutlich "
            "höher ist als sonst.",
            "tr": "Sabahları dinlenik nabzınızı ölçün ve normalden belirgin şekilde yüksekse o gün antrenmanı hafif "
            "tutun.",
        },
        {
            "nl": "De ervaring leert dat {people} die met een plan trainen, {sport} langer volhouden dan mensen die "
            "zomaar wat doen.",
            "en": "Experience shows that {people} who train with a plan stick with {sport} longer than those who "
            "train at random.",
            "de": "Die Erfahrung zeigt, dass {people}, die nach Plan trainieren, der Sportart {sport} länger treu "
            "bleiben als andere.",
            "tr": "Deneyimler, plana göre antrenman yapan {people} arasında {sport} sporunu bırakanların daha az "
            "olduğunu gösteriyor.",
        },
    ]
)

LIST_ITEM_TEMPLATES = _by_language(
    [
        {
            "nl": "Begin elke training met een rustige warming-up",
            "en": "Start every session with a calm warm-up",
            "de": "Jede Einheit mit ruhigem Aufwärmen beginnen",
            "tr": "Her antrenmana sakin bir ısınmayla başlayın",
        },
        {
            "nl": "Plan minstens één rustdag per week",
            "en": "Plan at least one rest day a week",
            "de": "Mindestens einen Ruhetag pro Woche einplanen",
            "tr": "Haftada en az bir dinlenme günü planlayın",
        },
        {
            "nl": "Drink water voor, tijdens en na de training",
            "en": "Drink water before, during and after training",
            "de": "Vor, während und nach dem Training Wasser trinken",
            "tr": "Antrenmandan önce, antrenman sırasında ve sonra su için",
        },
        {
            "nl": "Besteed elke training {number} minuten aan {skill}",
            "en": "Spend {number} minutes of every session on {skill}",
            "de": "In jeder Einheit {number} Minuten für das Thema {skill} einplanen",
            "tr": "Her antrenmanda {number} dakikayı {skill} konusuna ayırın",
        },
        {
            "nl": "Verhoog de belasting stap voor stap",
            "en": "Increase the training load step by step",
            "de": "Die Belastung Schritt für Schritt steigern",
            "tr": "Antrenman yükünü adım adım artırın",
        },
        {
            "nl": "Slaap zeven tot negen uur per nacht",
            "en": "Sleep seven to nine hours a night",
            "de": "Sieben bis neun Stunden pro Nacht schlafen",
            "tr": "Gece yedi ila dokuz saat uyuyun",
        },
        {
            "nl": "Houd een eenvoudig trainingsdagboek bij",
            "en": "Keep a simple training diary",
            "de": "Ein einfaches Trainingstagebuch führen",
            "tr": "Basit bir antrenman günlüğü tutun",
        },
        {
            "nl": "Kies uitrusting die past bij {sport}",
            "en": "Choose equipment that suits {sport}",
            "de": "Ausrüstung wählen, die zur Sportart {sport} passt",
            "tr": "Uygun {sport} ekipmanı seçin",
        },
        {
            "nl": "Vraag een trainer om je techniek te bekijken",
            "en": "Ask a coach to check your technique",
            "de": "Die Technik von einem Trainer prüfen lassen",
            "tr": "Tekniğinizi bir antrenöre kontrol ettirin",
        },
        {
            "nl": "Eet twee uur vooraf een lichte maaltijd",
            "en": "Eat a light meal two hours beforehand",
            "de": "Zwei Stunden vorher eine leichte Mahlzeit essen",
            "tr": "İki saat önceden hafif bir öğün yiyin",
        },
        {
            "nl": "Stop direct bij een scherpe pijn",
            "en": "Stop immediately if you feel sharp pain",
            "de": "Bei stechendem Schmerz sofort aufhören",
            "tr": "Keskin bir ağrı hissederseniz hemen durun",
        },
        {
            "nl": "Stel een duidelijk doel voor {number} weken",
            "en": "Set a clear goal for {number} weeks",
            "de": "Ein klares Ziel für {number} Wochen festlegen",
            "tr": "Önümüzdeki {number} hafta için net bir hedef belirleyin",
        },
        {
            "nl": "Train af en toe samen met anderen",
            "en": "Train together with others now and then",
            "de": "Ab und zu mit anderen zusammen trainieren",
            "tr": "Ara sıra başkalarıyla birlikte antrenman yapın",
        },
        {
            "nl": "Wissel de intensiteit af gedurende de week",
            "en": "Vary the intensity throughout the week",
            "de": "Die Intensität über die Woche variieren",
            "tr": "Yoğunluğu hafta boyunca değiştirin",
        },
        {
            "nl": "Let in elke training bewust op {skill}",
            "en": "Pay attention to {skill} in every session",
            "de": "In jeder Einheit bewusst auf {skill} achten",
            "tr": "Her antrenmanda {skill} konusuna dikkat edin",
        },
        {
            "nl": "Neem na de training {number} minuten voor een cooling-down",
            "en": "Cool down for {number} minutes after training",
            "de": "Nach dem Training {number} Minuten locker abwärmen",
            "tr": "Antrenmandan sonra {number} dakika soğuma yapın",
        },
        {
            "nl": "Vervang versleten schoenen op tijd",
            "en": "Replace worn shoes in good time",
            "de": "Abgenutzte Schuhe rechtzeitig ersetzen",
            "tr": "Aşınmış ayakkabıları zamanında değiştirin",
        },
        {
            "nl": "Doe twee keer per week krachtoefeningen",
            "en": "Do strength exercises twice a week",
            "de": "Zweimal pro Woche Kraftübungen machen",
            "tr": "Haftada iki kez kuvvet egzersizi yapın",
        },
        {
            "nl": "Bekijk video's van ervaren sporters bij {sport}",
            "en": "Watch videos of experienced athletes in {sport}",
            "de": "Videos erfahrener Sportler der Sportart {sport} anschauen",
            "tr": "Deneyimli {sport} sporcularının videolarını izleyin",
        },
        {
            "nl": "Plan elke {number} weken een lichtere week",
            "en": "Plan a lighter week every {number} weeks",
            "de": "Alle {number} Wochen eine leichtere Woche einplanen",
            "tr": "Her {number} haftada bir, yükü azaltılmış bir hafta planlayın",
        },
        {
            "nl": "Sta bewust stil bij kleine stappen vooruit",
            "en": "Celebrate small steps forward",
            "de": "Kleine Fortschritte bewusst feiern",
            "tr": "Küçük ilerlemeleri bile kutlayın",
        },
        {
            "nl": "Vermijd zware maaltijden vlak voor de training",
            "en": "Avoid heavy meals just before training",
            "de": "Schwere Mahlzeiten direkt vor dem Training meiden",
            "tr": "Antrenmandan hemen önce ağır yemeklerden kaçının",
        },
        {
            "nl": "Controleer 's ochtends je rusthartslag",
            "en": "Check your resting heart rate in the morning",
            "de": "Morgens den Ruhepuls kontrollieren",
            "tr": "Sabahları dinlenik nabzınızı kontrol edin",
        },
        {
            "nl": "Leer de basisregels van {sport}",
            "en": "Learn the basic rules of {sport}",
            "de": "Die Grundregeln der Sportart {sport} lernen",
            "tr": "Temel {sport} kurallarını öğrenin",
        },
        {
            "nl": "Maak tijd voor rekken en mobiliteit",
            "en": "Make time for stretching and mobility",
            "de": "Zeit für Dehnen und Mobilität einplanen",
            "tr": "Esneme ve hareketlilik için zaman ayırın",
        },
        {
            "nl": "Schrijf op hoe je je na elke training voelt",
            "en": "Write down how you feel after each session",
            "de": "Nach jeder Einheit notieren, wie man sich fühlt",
            "tr": "Her antrenmandan sonra nasıl hissettiğinizi not edin",
        },
        {
            "nl": "Combineer {sport} met een tweede, rustigere sport",
            "en": "Balance {sport} with a second, calmer sport",
            "de": "Die Sportart {sport} mit einer zweiten, ruhigeren Sportart ausgleichen",
            "tr": "Ayrıca {sport} sporunu daha sakin bir sporla dengeleyin",
        },
        {
            "nl": "Vraag andere {people} naar hun ervaringen",
            "en": "Ask other {people} about their experiences",
            "de": "Andere {people} nach ihren Erfahrungen fragen",
            "tr": "Diğer {people} ile deneyimleri hakkında konuşun",
        },
    ]
)

LIST_INTROS = _by_language(
    [
        {
            "nl": "Deze tips helpen je op weg:",
            "en": "These tips will help you get started:",
            "de": "Diese Tipps helfen beim Einstieg:",
            "tr": "Bu ipuçları başlamanıza yardımcı olur:",
        },
        {
            "nl": "Houd rekening met de volgende punten:",
            "en": "Keep the following points in mind:",
            "de": "Folgende Punkte sollte man beachten:",
            "tr": "Şu noktaları aklınızda tutun:",
        },
        {
            "nl": "Ervaren sporters bij {sport} raden het volgende aan:",
            "en": "Experienced athletes in {sport} recommend the following:",
            "de": "Erfahrene Sportler in der Sportart {sport} empfehlen Folgendes:",
            "tr": "Deneyimli {sport} sporcuları şunları öneriyor:",
        },
        {
            "nl": "Voor {people} werken deze stappen goed:",
            "en": "For {people}, these steps work well:",
            "de": "Für {people} haben sich diese Schritte bewährt:",
            "tr": "Özellikle {people} için şu adımlar işe yarar:",
        },
        {
            "nl": "Voor een goede trainingsweek geldt het volgende:",
            "en": "For a good week of training, remember the following:",
            "de": "Für eine gute Trainingswoche gilt Folgendes:",
            "tr": "İyi bir antrenman haftası için şunlara dikkat edin:",
        },
        {
            "nl": "Deze gewoonten helpen blessures te voorkomen:",
            "en": "These habits help to prevent injuries:",
            "de": "Diese Gewohnheiten helfen, Verletzungen vorzubeugen:",
            "tr": "Şu alışkanlıklar sakatlıkları önlemeye yardımcı olur:",
        },
        {
            "nl": "Om aan {skill} te werken, kun je het volgende proberen:",
            "en": "To work on {skill}, try the following:",
            "de": "Beim Thema {skill} hilft Folgendes:",
            "tr": "Şunlar {skill} konusunda ilerlemenize yardımcı olur:",
        },
        {
            "nl": "Zo voorkom je de meest gemaakte fouten:",
            "en": "To avoid the most common mistakes:",
            "de": "So vermeidet man die häufigsten Fehler:",
            "tr": "En sık yapılan hatalardan kaçınmak için:",
        },
        {
            "nl": "In de weken voor een wedstrijd helpt het volgende:",
            "en": "In the weeks before a competition, the following helps:",
            "de": "In den Wochen vor einem Wettkampf hilft Folgendes:",
            "tr": "Yarışmadan önceki haftalarda şunlar işe yarar:",
        },
        {
            "nl": "Kort gezegd komt het hierop neer:",
            "en": "In short, it comes down to this:",
            "de": "Kurz gesagt kommt es auf Folgendes an:",
            "tr": "Kısacası şu noktalar önemlidir:",
        },
    ]
)

PLACEHOLDERS = frozenset({"sport", "skill", "people", "number"})


def check():
    """Assert that the lists are parallel, complete and use only the allowed placeholders. Not run on import."""
    formatter = string.Formatter()
    forbidden = set('|_*<>[]`&~\\"')
    word_lists = {
        "SPORTS": (SPORTS, 30),
        "SKILLS": (SKILLS, 40),
        "PEOPLE": (PEOPLE, 15),
        "CATEGORIES": (CATEGORIES, 10),
        "CATEGORY_DESCRIPTIONS": (CATEGORY_DESCRIPTIONS, 10),
    }
    for name, (items, minimum) in word_lists.items():
        assert len(items) >= minimum, f"{name}: only {len(items)} items"
        for item in items:
            assert tuple(item) == LANGUAGES, f"{name}: {item} is not in {LANGUAGES}"
            for code, text in item.items():
                assert text and text == text.strip(), f"{name}[{code}]: {text!r}"
                assert not set(text) & forbidden, f"{name}[{code}]: {text!r}"
    assert len(CATEGORIES) == len(CATEGORY_DESCRIPTIONS) == 10
    for code in LANGUAGES:
        # Tags are made of sport and skill names, so they must be distinct within a language.
        names = [item[code].lower() for item in SPORTS + SKILLS]
        assert len(names) == len(set(names)), f"a sport or skill name repeats in {code}"
    for name, names in (("FIRST_NAMES", FIRST_NAMES), ("LAST_NAMES", LAST_NAMES)):
        assert len(names) >= 60 and len(names) == len(set(names)), name
        assert all(isinstance(n, str) and n and not set(n) & forbidden for n in names), name

    template_lists = {
        "TITLE_TEMPLATES": (TITLE_TEMPLATES, 20, "?"),
        "SUMMARY_TEMPLATES": (SUMMARY_TEMPLATES, 10, "."),
        "HEADING_TEMPLATES": (HEADING_TEMPLATES, 30, "?"),
        "SENTENCE_TEMPLATES": (SENTENCE_TEMPLATES, 40, "."),
        "LIST_ITEM_TEMPLATES": (LIST_ITEM_TEMPLATES, 25, None),
        "LIST_INTROS": (LIST_INTROS, 8, ":"),
    }
    for name, (templates, minimum, ending) in template_lists.items():
        assert tuple(templates) == LANGUAGES, f"{name}: languages {tuple(templates)}"
        lengths = {code: len(templates[code]) for code in LANGUAGES}
        assert len(set(lengths.values())) == 1, f"{name}: lengths differ {lengths}"
        assert lengths["en"] >= minimum, f"{name}: only {lengths['en']} templates"
        for index in range(lengths["en"]):
            fields_per_language = set()
            for code in LANGUAGES:
                text = templates[code][index]
                where = f"{name}[{code}][{index}] {text!r}"
                fields = set()
                for _literal, field, spec, conversion in formatter.parse(text):
                    if field is not None:
                        assert field in PLACEHOLDERS and not spec and not conversion, where
                        fields.add(field)
                fields_per_language.add(frozenset(fields))
                assert text == text.strip() and text[0].isalpha() and text[0] != "{", where
                assert not set(text) & forbidden, where
                if ending:
                    assert text.endswith(ending), where
                else:
                    assert text[-1].isalpha() or text[-1] == "}", where
            assert len(fields_per_language) == 1, f"{name}[{index}]: placeholders differ between languages"
