<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name>AboutData</name>
    <message>
        <source>Data folder</source>
        <translation>Datamapp</translation>
    </message>
    <message>
        <source>Meetings, transcripts and notes (database)</source>
        <translation>Möten, transkriptioner och anteckningar (databas)</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Inspelningar</translation>
    </message>
    <message>
        <source>The key that unlocks it</source>
        <translation>Nyckeln som låser upp den</translation>
    </message>
    <message>
        <source>Speech models</source>
        <translation>Talmodeller</translation>
    </message>
    <message>
        <source>Window settings</source>
        <translation>Fönsterinställningar</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Loggfil</translation>
    </message>
    <message>
        <source>Not in a file: kept by your system keyring</source>
        <translation>Inte i en fil: förvaras i systemets nyckelring</translation>
    </message>
    <message>
        <source>No recordings yet</source>
        <translation>Inga inspelningar än</translation>
    </message>
    <message>
        <source>1 recording file, {size}</source>
        <translation>1 inspelningsfil, {size}</translation>
    </message>
    <message>
        <source>{count} recording files, {size}</source>
        <translation>{count} inspelningsfiler, {size}</translation>
    </message>
    <message>
        <source>Not created yet</source>
        <translation>Inte skapad än</translation>
    </message>
    <message>
        <source>Encrypted {mark} — checked just now</source>
        <translation>Krypterat {mark} — kontrollerat nyss</translation>
    </message>
    <message>
        <source>Holds no personal data: only the speech models, as downloaded.</source>
        <translation>Innehåller inga personuppgifter: bara talmodellerna, som de laddades ned.</translation>
    </message>
    <message>
        <source>Holds no personal data: only the window layout and the record shortcut.</source>
        <translation>Innehåller inga personuppgifter: bara fönstrens placering och kortkommandot för inspelning.</translation>
    </message>
    <message>
        <source>Holds no personal data: technical messages only, with names and words removed.</source>
        <translation>Innehåller inga personuppgifter: bara tekniska meddelanden, där namn och ord har tagits bort.</translation>
    </message>
    <message>
        <source>Not encrypted! {count} file(s) here are not Minuta&apos;s encrypted format:</source>
        <translation>Inte krypterat! {count} fil(er) här är inte i Minutas krypterade format:</translation>
    </message>
    <message>
        <source>Not encrypted! Some files here can be read without the key: see the end of this list.</source>
        <translation>Inte krypterat! Vissa filer här kan läsas utan nyckeln: se slutet av listan.</translation>
    </message>
    <message>
        <source>Not encrypted! Something here can be read without the key.</source>
        <translation>Inte krypterat! Något här kan läsas utan nyckeln.</translation>
    </message>
    <message>
        <source>Not encrypted!</source>
        <translation>Inte krypterat!</translation>
    </message>
    <message>
        <source>Locked with your passphrase; only a locked copy is in this file.</source>
        <translation>Låst med din lösenfras; filen innehåller bara en låst kopia.</translation>
    </message>
    <message>
        <source>Kept in your {location}.</source>
        <translation>Förvaras i din {location}.</translation>
    </message>
    <message>
        <source>You confirmed that your recovery key is written down.</source>
        <translation>Du har bekräftat att din återställningsnyckel är nedskriven.</translation>
    </message>
    <message>
        <source>Your recovery key is not yet confirmed as written down.</source>
        <translation>Du har ännu inte bekräftat att din återställningsnyckel är nedskriven.</translation>
    </message>
    <message>
        <source>Everything Minuta keeps about your meetings is encrypted on this computer (checked at {time}).</source>
        <translation>Allt som Minuta sparar om dina möten är krypterat på den här datorn (kontrollerat kl. {time}).</translation>
    </message>
    <message>
        <source>Something is not encrypted (checked at {time}). See below: nothing was changed or deleted.</source>
        <translation>Något är inte krypterat (kontrollerat kl. {time}). Se nedan: inget har ändrats eller tagits bort.</translation>
    </message>
    <message>
        <source>Audio, not encrypted</source>
        <translation>Ljud, inte krypterat</translation>
    </message>
    <message>
        <source>A database, not encrypted</source>
        <translation>En databas, inte krypterad</translation>
    </message>
    <message>
        <source>Text or a document, not encrypted</source>
        <translation>Text eller ett dokument, inte krypterat</translation>
    </message>
    <message>
        <source>Not a file Minuta makes</source>
        <translation>Inte en fil som Minuta skapar</translation>
    </message>
    <message>
        <source>{path} ({kind}, {size})</source>
        <translation>{path} ({kind}, {size})</translation>
    </message>
    <message>
        <source>Files in the data folder that Minuta did not make. Nothing was deleted: look at them, and delete them yourself if they are not needed.</source>
        <translation>Filer i datamappen som Minuta inte har skapat. Inget har tagits bort: titta på dem och ta bort dem själv om de inte behövs.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Minuta</source>
        <translation>Om Minuta</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Om</translation>
    </message>
    <message>
        <source>&amp;Licences</source>
        <translation>&amp;Licenser</translation>
    </message>
    <message>
        <source>Your &amp;Data</source>
        <translation>Dina &amp;data</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Minuta&apos;s logo</source>
        <translation>Minutas logotyp</translation>
    </message>
    <message>
        <source>Minuta {version}</source>
        <translation>Minuta {version}</translation>
    </message>
    <message>
        <source>Records your meetings, writes down what was said and keeps your notes.</source>
        <translation>Spelar in dina möten, skriver ned vad som sades och sparar dina anteckningar.</translation>
    </message>
    <message>
        <source>Everything stays on this computer; nothing is sent anywhere unless you approve a CRM push.</source>
        <translation>Allt stannar på den här datorn; inget skickas någonstans om du inte godkänner en överföring till ditt CRM.</translation>
    </message>
    <message>
        <source>Python {python} · Qt {qt} · PySide6 {pyside}</source>
        <translation>Python {python} · Qt {qt} · PySide6 {pyside}</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versioner</translation>
    </message>
    <message>
        <source>Components and their licences</source>
        <translation>Komponenter och deras licenser</translation>
    </message>
    <message>
        <source>Open &amp;Website</source>
        <translation>Öppna &amp;webbplats</translation>
    </message>
    <message>
        <source>Open the component&apos;s website</source>
        <translation>Öppna komponentens webbplats</translation>
    </message>
    <message>
        <source>Open the selected component&apos;s website in your browser (or double-click it)</source>
        <translation>Öppna den valda komponentens webbplats i webbläsaren (eller dubbelklicka på den)</translation>
    </message>
    <message>
        <source>Where the full licence texts are</source>
        <translation>Var de fullständiga licenstexterna finns</translation>
    </message>
    <message>
        <source>Minuta is built from these components, under these licences.</source>
        <translation>Minuta är byggt av dessa komponenter, under dessa licenser.</translation>
    </message>
    <message>
        <source>Full licence texts are installed with each component.</source>
        <translation>De fullständiga licenstexterna installeras med varje komponent.</translation>
    </message>
    <message>
        <source>The full licence texts are in {folder}</source>
        <translation>De fullständiga licenstexterna finns i {folder}</translation>
    </message>
</context>
<context>
    <name>AskPanel</name>
    <message>
        <source>What did we agree on price?</source>
        <translation>Vad kom vi överens om kring priset?</translation>
    </message>
    <message>
        <source>Question about this meeting</source>
        <translation>Fråga om det här mötet</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Fråga</translation>
    </message>
    <message>
        <source>Find the answer in this meeting (Enter)</source>
        <translation>Hitta svaret i det här mötet (Enter)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppa</translation>
    </message>
    <message>
        <source>Stop asking</source>
        <translation>Sluta fråga</translation>
    </message>
    <message>
        <source>Stop looking for an answer (Esc)</source>
        <translation>Sluta leta efter ett svar (Esc)</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Where the answer was said</source>
        <translation>Var svaret sades</translation>
    </message>
    <message>
        <source>Play the moment this was said</source>
        <translation>Spela upp stället där det sades</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>F&amp;råga:</translation>
    </message>
    <message>
        <source>Looking through the meeting…</source>
        <translation>Går igenom mötet…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Stoppad.</translation>
    </message>
    <message>
        <source>Nothing in this meeting seems to answer that.</source>
        <translation>Inget i det här mötet verkar svara på det.</translation>
    </message>
    <message>
        <source>The question could not be answered ({reason}).</source>
        <translation>Frågan kunde inte besvaras ({reason}).</translation>
    </message>
</context>
<context>
    <name>AudioPlayer</name>
    <message>
        <source>The sound output could not be opened, so nothing can be heard. The transcript still follows along.</source>
        <translation>Ljudutgången kunde inte öppnas, så inget ljud hörs. Transkriptionen följer ändå med.</translation>
    </message>
    <message>
        <source>No sound output was found, so nothing can be heard. The transcript still follows along.</source>
        <translation>Ingen ljudutgång hittades, så inget ljud hörs. Transkriptionen följer ändå med.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit Log</source>
        <translation>Granskningslogg</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Granskningslogg</translation>
    </message>
    <message>
        <source>What Minuta did that matters for privacy, newest first. It never holds a word of your meetings. Each entry is chained to the one before, so Verify finds an entry that was changed or removed.</source>
        <translation>Det Minuta har gjort som påverkar integriteten, senaste först. Loggen innehåller aldrig ett ord från dina möten. Varje post är länkad till den föregående, så Kontrollera hittar en post som har ändrats eller tagits bort.</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Poster i granskningsloggen</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>Kontrollens resultat</translation>
    </message>
    <message>
        <source>Clipboard</source>
        <translation>Urklipp</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Kontrollera</translation>
    </message>
    <message>
        <source>Verify the audit log</source>
        <translation>Kontrollera granskningsloggen</translation>
    </message>
    <message>
        <source>Check every entry against the chain (Alt+V)</source>
        <translation>Kontrollera varje post mot kedjan (Alt+K)</translation>
    </message>
    <message>
        <source>&amp;Copy Head</source>
        <translation>Kopiera &amp;senaste hash</translation>
    </message>
    <message>
        <source>Copy the head hash</source>
        <translation>Kopiera den senaste hashen</translation>
    </message>
    <message>
        <source>Copy the newest entry&apos;s hash, to keep it somewhere else (Alt+C)</source>
        <translation>Kopiera den senaste postens hash för att spara den någon annanstans (Alt+S)</translation>
    </message>
    <message>
        <source>Checking every entry…</source>
        <translation>Kontrollerar varje post…</translation>
    </message>
    <message>
        <source>Minuta could not read the audit log ({error}).</source>
        <translation>Minuta kunde inte läsa granskningsloggen ({error}).</translation>
    </message>
    <message>
        <source>Copied the head {head}…</source>
        <translation>Kopierade den senaste hashen {head}…</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Approved sending to a CRM</source>
        <translation>Godkände sändning till ett CRM</translation>
    </message>
    <message>
        <source>Sent to a CRM</source>
        <translation>Skickade till ett CRM</translation>
    </message>
    <message>
        <source>Sending to a CRM failed</source>
        <translation>Sändning till ett CRM misslyckades</translation>
    </message>
    <message>
        <source>Sending to a CRM was withdrawn</source>
        <translation>Sändning till ett CRM drogs tillbaka</translation>
    </message>
    <message>
        <source>Connected a CRM</source>
        <translation>Anslöt ett CRM</translation>
    </message>
    <message>
        <source>Disconnected a CRM</source>
        <translation>Kopplade från ett CRM</translation>
    </message>
    <message>
        <source>Recorded a meeting</source>
        <translation>Spelade in ett möte</translation>
    </message>
    <message>
        <source>Recording declined: nothing was recorded</source>
        <translation>Inspelning nekad: inget spelades in</translation>
    </message>
    <message>
        <source>Imported a recording</source>
        <translation>Importerade en inspelning</translation>
    </message>
    <message>
        <source>Exported a meeting</source>
        <translation>Exporterade ett möte</translation>
    </message>
    <message>
        <source>Deleted a meeting</source>
        <translation>Tog bort ett möte</translation>
    </message>
    <message>
        <source>Deleted a meeting&apos;s audio</source>
        <translation>Tog bort ljudet från ett möte</translation>
    </message>
    <message>
        <source>Deleted a meeting&apos;s transcript</source>
        <translation>Tog bort transkriptionen av ett möte</translation>
    </message>
    <message>
        <source>Changed whether a meeting is kept</source>
        <translation>Ändrade om ett möte ska behållas</translation>
    </message>
    <message>
        <source>Removed old recordings by the rules in Settings</source>
        <translation>Tog bort gamla inspelningar enligt reglerna i Inställningar</translation>
    </message>
    <message>
        <source>Showed the recovery key</source>
        <translation>Visade återställningsnyckeln</translation>
    </message>
    <message>
        <source>Gave the store a new key</source>
        <translation>Gav den krypterade lagringen en ny nyckel</translation>
    </message>
    <message>
        <source>Changed a setting</source>
        <translation>Ändrade en inställning</translation>
    </message>
    <message>
        <source>Exported a person&apos;s data</source>
        <translation>Exporterade en persons uppgifter</translation>
    </message>
    <message>
        <source>Erased a person&apos;s data</source>
        <translation>Raderade en persons uppgifter</translation>
    </message>
    <message>
        <source>Entry {entry} was changed after it was written.</source>
        <translation>Post {entry} ändrades efter att den skrevs.</translation>
    </message>
    <message>
        <source>An entry before entry {entry} was removed, or the chain was re-linked.</source>
        <translation>En post före post {entry} togs bort, eller så länkades kedjan om.</translation>
    </message>
    <message>
        <source>Entry {entry} has no hash: it was added outside Minuta.</source>
        <translation>Post {entry} har ingen hash: den lades till utanför Minuta.</translation>
    </message>
    <message>
        <source>A head that an export or a push carried is not in the log: entries were cut off the end, or the log was rewritten.</source>
        <translation>En senaste hash som en export eller en sändning hade med finns inte i loggen: poster har tagits bort i slutet, eller så har loggen skrivits om.</translation>
    </message>
    <message>
        <source>Intact · {count} entries · head {head}</source>
        <translation>Intakt · {count} poster · senaste hash {head}</translation>
    </message>
    <message>
        <source>Not intact · {count} entries · head {head}</source>
        <translation>Inte intakt · {count} poster · senaste hash {head}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Vad som hände</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Möte</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect a CRM</source>
        <translation>Anslut ett CRM</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Kept in your system keyring, never shown again</source>
        <translation>Sparas i systemets nyckelring och visas aldrig igen</translation>
    </message>
    <message>
        <source>Application ID</source>
        <translation>Applikations-ID</translation>
    </message>
    <message>
        <source>The ID your CRM administrator gave Minuta</source>
        <translation>Det ID som din CRM-administratör har gett Minuta</translation>
    </message>
    <message>
        <source>Sign-in detail</source>
        <translation>Inloggningsuppgift</translation>
    </message>
    <message>
        <source>Sign in with the &amp;browser</source>
        <translation>Logga in med &amp;webbläsaren</translation>
    </message>
    <message>
        <source>Sign in with the browser</source>
        <translation>Logga in med webbläsaren</translation>
    </message>
    <message>
        <source>&amp;CRM:</source>
        <translation>&amp;CRM:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adress:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>App&amp;lication ID:</source>
        <translation>App&amp;likations-ID:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation>A&amp;nslut</translation>
    </message>
    <message>
        <source>Connect with this token</source>
        <translation>Anslut med den här token</translation>
    </message>
    <message>
        <source>Minuta sends each approved push to this address, signed with the secret (Standard Webhooks).</source>
        <translation>Minuta skickar allt du godkänner till den här adressen, signerat med hemligheten (Standard Webhooks).</translation>
    </message>
    <message>
        <source>Make a private-app or personal API token in the CRM and paste it here.</source>
        <translation>Skapa en token för en privat app eller en personlig API-token i CRM-systemet och klistra in den här.</translation>
    </message>
    <message>
        <source>Your browser opens the CRM&apos;s sign-in page. Come back here afterwards.</source>
        <translation>Din webbläsare öppnar CRM-systemets inloggningssida. Kom tillbaka hit efteråt.</translation>
    </message>
    <message>
        <source>Sign-in &amp;page (optional):</source>
        <translation>Inloggnings&amp;sida (valfritt):</translation>
    </message>
    <message>
        <source>&amp;Organisation&apos;s tenant (optional):</source>
        <translation>&amp;Klientorganisation (valfritt):</translation>
    </message>
    <message>
        <source>Customer &amp;ID (optional):</source>
        <translation>Kund-&amp;ID (valfritt):</translation>
    </message>
    <message>
        <source>Type the application ID first.</source>
        <translation>Skriv applikations-ID:t först.</translation>
    </message>
    <message>
        <source>Type the address first.</source>
        <translation>Skriv adressen först.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <source>Waiting for the sign-in in your browser…</source>
        <translation>Väntar på inloggningen i webbläsaren…</translation>
    </message>
</context>
<context>
    <name>ConnectionsModel</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>from the sign-in</source>
        <translation>från inloggningen</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Before you record</source>
        <translation>Innan du spelar in</translation>
    </message>
    <message>
        <source>Does everyone know you are recording?</source>
        <translation>Vet alla att du spelar in?</translation>
    </message>
    <message>
        <source>Recording people needs their knowledge, and in many countries their consent. Tell everyone before you start, and record only if they agree. Minuta asks before every recording and keeps your answer with the meeting.</source>
        <translation>När du spelar in andra måste de veta om det, och i många länder också samtycka. Berätta det för alla innan du börjar, och spela bara in om de godkänner. Minuta frågar före varje inspelning och sparar ditt svar med mötet.</translation>
    </message>
    <message>
        <source>Everyone is &amp;informed and agreed</source>
        <translation>Alla är &amp;informerade och har godkänt</translation>
    </message>
    <message>
        <source>I&amp;nternal meeting</source>
        <translation>Internt &amp;möte</translation>
    </message>
    <message>
        <source>Someone &amp;declined — don&apos;t record</source>
        <translation>&amp;Någon har sagt nej — spela inte in</translation>
    </message>
    <message>
        <source>Colleagues only, where your workplace&apos;s own rules on recording apply</source>
        <translation>Bara kollegor, och din arbetsplats egna regler för inspelning gäller</translation>
    </message>
    <message>
        <source>That&apos;s fine: nothing will be recorded. You can still write notes by hand.</source>
        <translation>Helt okej: inget spelas in. Du kan fortfarande skriva anteckningar själv.</translation>
    </message>
    <message>
        <source>&amp;Close without recording</source>
        <translation>Stän&amp;g utan att spela in</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Spela in</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>Starta inspelning</translation>
    </message>
    <message>
        <source>Start recording (Enter)</source>
        <translation>Starta inspelning (Enter)</translation>
    </message>
    <message>
        <source>How you told them</source>
        <translation>Hur du berättade det</translation>
    </message>
    <message>
        <source>Who was told</source>
        <translation>Vem som fick veta</translation>
    </message>
    <message>
        <source>Names, separated by commas</source>
        <translation>Namn, åtskilda med kommatecken</translation>
    </message>
    <message>
        <source>Kept with the meeting, as its consent record</source>
        <translation>Sparas med mötet som dess samtyckesregistrering</translation>
    </message>
    <message>
        <source>How did you &amp;tell them?</source>
        <translation>&amp;Hur berättade du det?</translation>
    </message>
    <message>
        <source>&amp;Who was told</source>
        <translation>&amp;Vem fick veta</translation>
    </message>
    <message>
        <source>Say it, or paste it into the call&apos;s chat:</source>
        <translation>Säg det, eller klistra in det i samtalets chatt:</translation>
    </message>
    <message>
        <source>Language of the announcement</source>
        <translation>Språk för meddelandet</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>&amp;Kopiera</translation>
    </message>
    <message>
        <source>Copy the announcement</source>
        <translation>Kopiera meddelandet</translation>
    </message>
    <message>
        <source>Copy it, then paste it into the call&apos;s chat</source>
        <translation>Kopiera det och klistra in det i samtalets chatt</translation>
    </message>
    <message>
        <source>Copied. Paste it into the call&apos;s chat.</source>
        <translation>Kopierat. Klistra in det i samtalets chatt.</translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <source>&amp;Nothing: I choose each time</source>
        <translation>&amp;Inget: jag väljer varje gång</translation>
    </message>
    <message>
        <source>Everyone is &amp;informed and agreed</source>
        <translation>Alla är i&amp;nformerade och har godkänt</translation>
    </message>
    <message>
        <source>Internal &amp;meeting</source>
        <translation>Internt &amp;möte</translation>
    </message>
    <message>
        <source>Before each recording, pre-select this answer:</source>
        <translation>Förvälj det här svaret före varje inspelning:</translation>
    </message>
    <message>
        <source>Minuta still asks before every recording; a pre-selected answer only makes it one press of Enter. Choose it only if it is nearly always true.</source>
        <translation>Minuta frågar fortfarande före varje inspelning; ett förvalt svar gör det bara till ett tryck på Enter. Välj det bara om det nästan alltid stämmer.</translation>
    </message>
</context>
<context>
    <name>ConsentText</name>
    <message>
        <source>Everyone informed and agreed</source>
        <translation>Alla informerade och har godkänt</translation>
    </message>
    <message>
        <source>Internal meeting</source>
        <translation>Internt möte</translation>
    </message>
    <message>
        <source>Someone declined</source>
        <translation>Någon sade nej</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Inte registrerat</translation>
    </message>
    <message>
        <source>Said at the start</source>
        <translation>Sades i början</translation>
    </message>
    <message>
        <source>Posted in the call&apos;s chat</source>
        <translation>Skrevs i samtalets chatt</translation>
    </message>
    <message>
        <source>In the meeting invitation</source>
        <translation>I mötesinbjudan</translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation>Via e-post</translation>
    </message>
    <message>
        <source>In writing</source>
        <translation>Skriftligt</translation>
    </message>
    <message>
        <source>Covered by the workplace&apos;s policy</source>
        <translation>Omfattas av arbetsplatsens policy</translation>
    </message>
    <message>
        <source>Not recorded (imported file)</source>
        <translation>Inte registrerat (importerad fil)</translation>
    </message>
    <message>
        <source>{answer} (no details recorded)</source>
        <translation>{answer} (inga detaljer registrerade)</translation>
    </message>
    <message>
        <source>Informed: {names}</source>
        <translation>Informerade: {names}</translation>
    </message>
</context>
<context>
    <name>CrmPage</name>
    <message>
        <source>Connected CRMs</source>
        <translation>Anslutna CRM-system</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Lägg till…</translation>
    </message>
    <message>
        <source>Connect a CRM</source>
        <translation>Anslut ett CRM</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <source>Remove the chosen CRM</source>
        <translation>Ta bort det valda CRM-systemet</translation>
    </message>
    <message>
        <source>Also deletes its token from your keyring</source>
        <translation>Tar också bort dess token från din nyckelring</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>Minuta sends a meeting to a CRM only when you approve it. Tokens are kept in your system keyring; changes here take effect at once.</source>
        <translation>Minuta skickar bara ett möte till ett CRM när du godkänner det. Token sparas i systemets nyckelring; ändringar här gäller direkt.</translation>
    </message>
    <message>
        <source>{crm} is connected.</source>
        <translation>{crm} är anslutet.</translation>
    </message>
    <message>
        <source>Remove a CRM</source>
        <translation>Ta bort ett CRM</translation>
    </message>
    <message>
        <source>Remove {crm}? Its token is deleted from your keyring.</source>
        <translation>Vill du ta bort {crm}? Dess token tas bort från din nyckelring.</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Behåll</translation>
    </message>
    <message>
        <source>{crm} is removed, and its token deleted.</source>
        <translation>{crm} har tagits bort, och dess token har raderats.</translation>
    </message>
</context>
<context>
    <name>CrmPushPanel</name>
    <message>
        <source>Send to CRM…</source>
        <translation>Skicka till CRM…</translation>
    </message>
    <message>
        <source>Send to CRM</source>
        <translation>Skicka till CRM</translation>
    </message>
    <message>
        <source>Review and send the approved items to your CRM ({keys})</source>
        <translation>Granska och skicka de godkända punkterna till ditt CRM ({keys})</translation>
    </message>
    <message>
        <source>Sent to CRM</source>
        <translation>Skickat till CRM</translation>
    </message>
    <message>
        <source>It could not be queued again ({reason}).</source>
        <translation>Den kunde inte köas igen ({reason}).</translation>
    </message>
</context>
<context>
    <name>CrmSettingsDialog</name>
    <message>
        <source>CRM Settings</source>
        <translation>CRM-inställningar</translation>
    </message>
</context>
<context>
    <name>CrmTexts</name>
    <message>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>Uppgift</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nästa steg</translation>
    </message>
    <message>
        <source>For the CRM</source>
        <translation>Till CRM</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Företag</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Affär</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-postadress</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>Bankkonto</translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Sensitive topic</source>
        <translation>Känsligt ämne</translation>
    </message>
    <message>
        <source>Meeting note</source>
        <translation>Mötesanteckning</translation>
    </message>
    <message>
        <source>Task {number}</source>
        <translation>Uppgift {number}</translation>
    </message>
    <message>
        <source>Something went wrong ({error}).</source>
        <translation>Något gick fel ({error}).</translation>
    </message>
    <message>
        <source>Sent to {crm} on {date}</source>
        <translation>Skickat till {crm} den {date}</translation>
    </message>
    <message>
        <source>Open in {crm}</source>
        <translation>Öppna i {crm}</translation>
    </message>
    <message>
        <source>the CRM refused it</source>
        <translation>CRM-systemet avvisade den</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>Misslyckades: {reason}</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <source>Queued: waiting to retry at {time}</source>
        <translation>I kö: försöker igen {time}</translation>
    </message>
    <message>
        <source>Sending to {crm}…</source>
        <translation>Skickar till {crm}…</translation>
    </message>
    <message>
        <source>Queued for {crm}</source>
        <translation>I kö till {crm}</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Checking…</source>
        <translation>Kontrollerar…</translation>
    </message>
    <message>
        <source>Result of the check</source>
        <translation>Resultat av kontrollen</translation>
    </message>
    <message>
        <source>Files Minuta did not make</source>
        <translation>Filer som Minuta inte har skapat</translation>
    </message>
    <message>
        <source>Where your data is</source>
        <translation>Var dina data finns</translation>
    </message>
    <message>
        <source>&amp;Show Folder</source>
        <translation>&amp;Visa mapp</translation>
    </message>
    <message>
        <source>Show the data folder</source>
        <translation>Visa datamappen</translation>
    </message>
    <message>
        <source>Open the data folder in your file manager</source>
        <translation>Öppna datamappen i filhanteraren</translation>
    </message>
    <message>
        <source>Check &amp;Again</source>
        <translation>Kontrollera i&amp;gen</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Kontrollera igen</translation>
    </message>
    <message>
        <source>Read the files again and check that they are encrypted</source>
        <translation>Läs filerna igen och kontrollera att de är krypterade</translation>
    </message>
    <message>
        <source>The check could not be run ({error}). Try again in a moment.</source>
        <translation>Kontrollen kunde inte köras ({error}). Försök igen om en stund.</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Names, separated by commas</source>
        <translation>Namn, åtskilda med kommatecken</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtycke</translation>
    </message>
    <message>
        <source>Your notes from the meeting</source>
        <translation>Dina anteckningar från mötet</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>Markeringar</translation>
    </message>
    <message>
        <source>Click a highlight to play from there</source>
        <translation>Klicka på en markering för att spela upp därifrån</translation>
    </message>
    <message>
        <source>No highlights were marked.</source>
        <translation>Inget markerades.</translation>
    </message>
    <message>
        <source>Partic&amp;ipants</source>
        <translation>&amp;Deltagare</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>Antec&amp;kningar</translation>
    </message>
    <message>
        <source>&amp;Highlights</source>
        <translation>Markeri&amp;ngar</translation>
    </message>
    <message>
        <source>Keep &amp;this meeting (retention rules skip it)</source>
        <translation>&amp;Behåll det här mötet (gallringsreglerna hoppar över det)</translation>
    </message>
    <message>
        <source>Keep this meeting</source>
        <translation>Behåll det här mötet</translation>
    </message>
    <message>
        <source>Its audio and transcript are kept whatever the retention rules say</source>
        <translation>Ljud och transkription behålls oavsett vad gallringsreglerna säger</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Markering</translation>
    </message>
</context>
<context>
    <name>DevicePickers</name>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>The microphone you speak into</source>
        <translation>Mikrofonen du pratar i</translation>
    </message>
    <message>
        <source>Call audio</source>
        <translation>Samtalsljud</translation>
    </message>
    <message>
        <source>What this computer plays: the other people in a Teams, Meet or Zoom call</source>
        <translation>Det som datorn spelar upp: de andra i ett samtal i Teams, Meet eller Zoom</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>&amp;Mikrofon:</translation>
    </message>
    <message>
        <source>&amp;Call audio:</source>
        <translation>Samtals&amp;ljud:</translation>
    </message>
    <message>
        <source>Don&apos;t record call audio (in-person meeting)</source>
        <translation>Spela inte in samtalsljud (fysiskt möte)</translation>
    </message>
    <message>
        <source>Computer&apos;s default ({device})</source>
        <translation>Datorns standard ({device})</translation>
    </message>
    <message>
        <source>Computer&apos;s default</source>
        <translation>Datorns standard</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>Call audio from</source>
        <translation>Samtalsljud från</translation>
    </message>
    <message>
        <source>Record the &amp;call audio too</source>
        <translation>Spela också in samtals&amp;ljudet</translation>
    </message>
    <message>
        <source>Record the call audio too</source>
        <translation>Spela också in samtalsljudet</translation>
    </message>
    <message>
        <source>What this computer plays: the other people in a Teams, Meet or Zoom call. Turn it off for meetings in a room.</source>
        <translation>Det som datorn spelar upp: de andra i ett samtal i Teams, Meet eller Zoom. Stäng av det för möten i ett rum.</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Mikrofonnivå</translation>
    </message>
    <message>
        <source>Call audio level</source>
        <translation>Nivå för samtalsljud</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testa</translation>
    </message>
    <message>
        <source>Test the devices</source>
        <translation>Testa enheterna</translation>
    </message>
    <message>
        <source>Speak, or play a sound: the bars show what Minuta hears (Alt+T)</source>
        <translation>Prata, eller spela upp ett ljud: staplarna visar vad Minuta hör (Alt+T)</translation>
    </message>
    <message>
        <source>Looking for devices…</source>
        <translation>Letar efter enheter…</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>&amp;Mikrofon:</translation>
    </message>
    <message>
        <source>Call audio &amp;from:</source>
        <translation>Samtalsl&amp;jud från:</translation>
    </message>
    <message>
        <source>System default ({name})</source>
        <translation>Systemets standard ({name})</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemets standard</translation>
    </message>
    <message>
        <source>Chosen device (not connected now)</source>
        <translation>Vald enhet (inte ansluten nu)</translation>
    </message>
    <message>
        <source>Stop &amp;test</source>
        <translation>Sluta &amp;testa</translation>
    </message>
</context>
<context>
    <name>EmailBox</name>
    <message>
        <source>E-mail subject</source>
        <translation>E-postens ämne</translation>
    </message>
    <message>
        <source>E-mail text</source>
        <translation>E-postens text</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>&amp;Kopiera</translation>
    </message>
    <message>
        <source>Copy the e-mail</source>
        <translation>Kopiera e-postmeddelandet</translation>
    </message>
    <message>
        <source>Copy the subject and text to paste elsewhere</source>
        <translation>Kopiera ämne och text för att klistra in någon annanstans</translation>
    </message>
    <message>
        <source>&amp;Open in mail app</source>
        <translation>Ö&amp;ppna i e-postprogrammet</translation>
    </message>
    <message>
        <source>Open the e-mail in your mail app</source>
        <translation>Öppna e-postmeddelandet i ditt e-postprogram</translation>
    </message>
    <message>
        <source>Your mail app opens with this e-mail; choose who gets it there</source>
        <translation>Ditt e-postprogram öppnas med det här meddelandet; välj mottagare där</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>Ä&amp;mne:</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>Export formats</source>
        <translation>Exportformat</translation>
    </message>
    <message>
        <source>&amp;Markdown (.md)</source>
        <translation>&amp;Markdown (.md)</translation>
    </message>
    <message>
        <source>Plain &amp;text (.txt)</source>
        <translation>Ren &amp;text (.txt)</translation>
    </message>
    <message>
        <source>&amp;Subtitles (.srt)</source>
        <translation>&amp;Undertexter (.srt)</translation>
    </message>
    <message>
        <source>&amp;Web subtitles (.vtt)</source>
        <translation>&amp;Webbundertexter (.vtt)</translation>
    </message>
    <message>
        <source>W&amp;ord document (.docx)</source>
        <translation>W&amp;ord-dokument (.docx)</translation>
    </message>
    <message>
        <source>&amp;JSON, with word timings (.json)</source>
        <translation>&amp;JSON med tider för varje ord (.json)</translation>
    </message>
    <message>
        <source>Export meeting (the file is not encrypted)</source>
        <translation>Exportera mötet (filen är inte krypterad)</translation>
    </message>
</context>
<context>
    <name>FinalPassBar</name>
    <message>
        <source>Improving the transcript…</source>
        <translation>Förbättrar transkriptionen…</translation>
    </message>
    <message>
        <source>Transcript progress</source>
        <translation>Transkriptionens förlopp</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Avb&amp;ryt</translation>
    </message>
    <message>
        <source>Cancel improving the transcript</source>
        <translation>Avbryt förbättringen av transkriptionen</translation>
    </message>
</context>
<context>
    <name>FinalPassRunner</name>
    <message>
        <source>The full transcript could not be made: the transcription stopped unexpectedly. The recording and the live transcript are kept.</source>
        <translation>Den fullständiga transkriptionen kunde inte göras: transkriberingen stoppade oväntat. Inspelningen och live-transkriptionen finns kvar.</translation>
    </message>
    <message>
        <source>The full transcript could not be made: {reason}</source>
        <translation>Den fullständiga transkriptionen kunde inte göras: {reason}</translation>
    </message>
    <message>
        <source>The full transcript could not be made ({problem}). The recording and the live transcript are kept.</source>
        <translation>Den fullständiga transkriptionen kunde inte göras ({problem}). Inspelningen och live-transkriptionen finns kvar.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in transcript</source>
        <translation>Sök i transkriptionen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Föregående</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Föregående träff (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nästa</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nästa träff (Enter)</translation>
    </message>
    <message>
        <source>Find result</source>
        <translation>Sökresultat</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Stäng (Esc)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Inga träffar</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Personal data found</source>
        <translation>Hittade personuppgifter</translation>
    </message>
    <message>
        <source>Redact a&amp;ll</source>
        <translation>Maskera a&amp;lla</translation>
    </message>
    <message>
        <source>Redact all personal data</source>
        <translation>Maskera alla personuppgifter</translation>
    </message>
    <message>
        <source>Replace every finding with [redacted]</source>
        <translation>Ersätt varje fynd med [redacted]</translation>
    </message>
    <message>
        <source>No personal data found.</source>
        <translation>Inga personuppgifter hittades.</translation>
    </message>
    <message>
        <source>All personal data found is redacted.</source>
        <translation>Alla hittade personuppgifter är maskerade.</translation>
    </message>
    <message>
        <source>Check these before sending. Redact what should not leave.</source>
        <translation>Kontrollera dem innan du skickar. Maskera det som inte får lämna datorn.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ångra</translation>
    </message>
    <message>
        <source>Redact</source>
        <translation>Maskera</translation>
    </message>
    <message>
        <source>Send {kind} {text} as it is</source>
        <translation>Skicka {kind} {text} som det är</translation>
    </message>
    <message>
        <source>Redact {kind} {text}</source>
        <translation>Maskera {kind} {text}</translation>
    </message>
</context>
<context>
    <name>GlobalHotkey</name>
    <message>
        <source>Global shortcuts are not available on this desktop; use the tray icon instead.</source>
        <translation>Globala kortkommandon fungerar inte på det här skrivbordet; använd Minuta-ikonen i systemfältet i stället.</translation>
    </message>
    <message>
        <source>{keys} cannot be a global shortcut: use Ctrl, Alt or Super with a key.</source>
        <translation>{keys} kan inte vara ett globalt kortkommando: använd Ctrl, Alt eller Super tillsammans med en tangent.</translation>
    </message>
    <message>
        <source>Minuta could not set up the global shortcut; use the tray icon instead.</source>
        <translation>Minuta kunde inte ställa in det globala kortkommandot; använd Minuta-ikonen i systemfältet i stället.</translation>
    </message>
    <message>
        <source>Your keyboard has no key for {keys}.</source>
        <translation>Ditt tangentbord har ingen tangent för {keys}.</translation>
    </message>
    <message>
        <source>Another program already uses {keys}. Choose other keys.</source>
        <translation>Ett annat program använder redan {keys}. Välj andra tangenter.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Spela in</translation>
    </message>
    <message>
        <source>Record a meeting</source>
        <translation>Spela in ett möte</translation>
    </message>
    <message>
        <source>Start recording a meeting ({keys})</source>
        <translation>Börja spela in ett möte ({keys})</translation>
    </message>
    <message>
        <source>Opening your meetings…</source>
        <translation>Öppnar dina möten…</translation>
    </message>
    <message>
        <source>No meetings yet</source>
        <translation>Inga möten än</translation>
    </message>
    <message>
        <source>Press &lt;b&gt;Record&lt;/b&gt; when your next meeting starts, or import a recording with &lt;code&gt;minuta import FILE&lt;/code&gt;.</source>
        <translation>Tryck på &lt;b&gt;Spela in&lt;/b&gt; när ditt nästa möte börjar, eller importera en inspelning med &lt;code&gt;minuta import FIL&lt;/code&gt;.</translation>
    </message>
</context>
<context>
    <name>HotkeyPage</name>
    <message>
        <source>Quick record hotkey</source>
        <translation>Kortkommando för snabbinspelning</translation>
    </message>
    <message>
        <source>Click, then press the keys you want to use</source>
        <translation>Klicka och tryck sedan på tangenterna du vill använda</translation>
    </message>
    <message>
        <source>Use &amp;default</source>
        <translation>Använd stan&amp;dard</translation>
    </message>
    <message>
        <source>Use the default hotkey</source>
        <translation>Använd standardkortkommandot</translation>
    </message>
    <message>
        <source>Back to {keys}</source>
        <translation>Tillbaka till {keys}</translation>
    </message>
    <message>
        <source>Start &amp;recording:</source>
        <translation>Starta &amp;inspelning:</translation>
    </message>
    <message>
        <source>Works from any program while Minuta runs. Minuta still asks about consent before it records. Clear the field to turn the hotkey off.</source>
        <translation>Fungerar i alla program medan Minuta körs. Minuta frågar fortfarande om samtycke innan den spelar in. Töm fältet för att stänga av kortkommandot.</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <source>Needs a date</source>
        <translation>Saknar datum</translation>
    </message>
    <message>
        <source>No deadline was said. Edit to add one.</source>
        <translation>Ingen tidsfrist nämndes. Redigera för att lägga till en.</translation>
    </message>
    <message>
        <source>Unverified</source>
        <translation>Ej bekräftad</translation>
    </message>
    <message>
        <source>Play where this was said</source>
        <translation>Spela upp där det sades</translation>
    </message>
    <message>
        <source>Play the moment this was said</source>
        <translation>Spela upp stället där det sades</translation>
    </message>
    <message>
        <source>Appro&amp;ve</source>
        <translation>G&amp;odkänn</translation>
    </message>
    <message>
        <source>Approve this item</source>
        <translation>Godkänn den här punkten</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>Red&amp;igera…</translation>
    </message>
    <message>
        <source>Edit this item</source>
        <translation>Redigera den här punkten</translation>
    </message>
    <message>
        <source>no one yet</source>
        <translation>ingen än</translation>
    </message>
    <message>
        <source>Owner: {name}</source>
        <translation>Ansvarig: {name}</translation>
    </message>
    <message>
        <source>Due {date}</source>
        <translation>Klart senast {date}</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>Edit item</source>
        <translation>Redigera punkt</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>Vem gör det</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Sista datum</translation>
    </message>
    <message>
        <source>&amp;No date</source>
        <translation>&amp;Inget datum</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Inget sista datum</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Ansvarig:</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>&amp;Senast:</translation>
    </message>
    <message>
        <source>A changed item needs to be approved again.</source>
        <translation>En ändrad punkt måste godkännas igen.</translation>
    </message>
</context>
<context>
    <name>ItemsChooser</name>
    <message>
        <source>What to send</source>
        <translation>Vad som skickas</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Detect automatically</source>
        <translation>Identifiera automatiskt</translation>
    </message>
    <message>
        <source>Several languages in one meeting</source>
        <translation>Flera språk i samma möte</translation>
    </message>
    <message>
        <source>Meeting language</source>
        <translation>Mötesspråk</translation>
    </message>
    <message>
        <source>Meetings are &amp;in:</source>
        <translation>Mötena hålls &amp;på:</translation>
    </message>
    <message>
        <source>Choosing the language you usually meet in makes transcripts more accurate and lets Minuta suggest the best model for it. You can still change it for a single meeting.</source>
        <translation>När du väljer det språk dina möten oftast hålls på blir transkriptionerna mer exakta, och Minuta kan föreslå den bästa modellen för det. Du kan fortfarande ändra det för ett enskilt möte.</translation>
    </message>
</context>
<context>
    <name>LeftMachine</name>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Ren text</translation>
    </message>
    <message>
        <source>SRT subtitles</source>
        <translation>SRT-undertexter</translation>
    </message>
    <message>
        <source>WebVTT subtitles</source>
        <translation>WebVTT-undertexter</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word-dokument</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>Webbsida</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Skriven</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Skickad</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Väntar på att skickas</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Skickar</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Misslyckades</translation>
    </message>
    <message>
        <source>Withdrawn, not sent</source>
        <translation>Tillbakadragen, inte skickad</translation>
    </message>
    <message>
        <source>To CRM: {crm}</source>
        <translation>Till CRM: {crm}</translation>
    </message>
    <message>
        <source>Export of a person&apos;s data: {format}</source>
        <translation>Export av en persons uppgifter: {format}</translation>
    </message>
    <message>
        <source>Export: {format}</source>
        <translation>Export: {format}</translation>
    </message>
    <message>
        <source>Printed in a terminal</source>
        <translation>Utskriven i en terminal</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>No record made yet</source>
        <translation>Ingen post skapad än</translation>
    </message>
    <message>
        <source>1 record</source>
        <translation>1 post</translation>
    </message>
    <message>
        <source>{count} records</source>
        <translation>{count} poster</translation>
    </message>
    <message>
        <source>{format}, {size} KB, SHA-256 {digest}</source>
        <translation>{format}, {size} KB, SHA-256 {digest}</translation>
    </message>
    <message>
        <source>SHA-256 of what went: {digest}</source>
        <translation>SHA-256 för det som lämnade datorn: {digest}</translation>
    </message>
    <message>
        <source>Audit log head it carried: {head}</source>
        <translation>Granskningsloggens senaste hash som den hade med: {head}</translation>
    </message>
    <message>
        <source>Records made:</source>
        <translation>Skapade poster:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Var</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Records or size</source>
        <translation>Poster eller storlek</translation>
    </message>
</context>
<context>
    <name>LeftMachineDialog</name>
    <message>
        <source>What Left This Machine</source>
        <translation>Vad som har lämnat datorn</translation>
    </message>
    <message>
        <source>What left this machine</source>
        <translation>Vad som har lämnat datorn</translation>
    </message>
    <message>
        <source>Every push to a CRM and every export, newest first. Select one to see exactly what went.</source>
        <translation>Varje sändning till ett CRM och varje export, senaste först. Välj en för att se exakt vad som lämnade datorn.</translation>
    </message>
    <message>
        <source>Nothing has left this computer yet.</source>
        <translation>Inget har lämnat den här datorn än.</translation>
    </message>
    <message>
        <source>Pushes and exports</source>
        <translation>Sändningar och exporter</translation>
    </message>
    <message>
        <source>Fingerprint, audit head and records</source>
        <translation>Fingeravtryck, granskningsloggens senaste hash och poster</translation>
    </message>
    <message>
        <source>Select a push or an export to see what went.</source>
        <translation>Välj en sändning eller en export för att se vad som lämnade datorn.</translation>
    </message>
    <message>
        <source>The requests that were approved</source>
        <translation>De godkända begärandena</translation>
    </message>
    <message>
        <source>The exported file&apos;s content</source>
        <translation>Den exporterade filens innehåll</translation>
    </message>
    <message>
        <source>Minuta could not read this ({error}).</source>
        <translation>Minuta kunde inte läsa det här ({error}).</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <source>Silent</source>
        <translation>Tyst</translation>
    </message>
    <message>
        <source>Sound arrives</source>
        <translation>Ljud kommer in</translation>
    </message>
    <message>
        <source>Loud</source>
        <translation>Högt</translation>
    </message>
    <message>
        <source>Too loud</source>
        <translation>För högt</translation>
    </message>
</context>
<context>
    <name>LevelProbe</name>
    <message>
        <source>The chosen microphone is not connected.</source>
        <translation>Den valda mikrofonen är inte ansluten.</translation>
    </message>
    <message>
        <source>The chosen output is not connected.</source>
        <translation>Den valda ljudutgången är inte ansluten.</translation>
    </message>
</context>
<context>
    <name>Licences</name>
    <message>
        <source>The language Minuta is written in</source>
        <translation>Språket som Minuta är skrivet i</translation>
    </message>
    <message>
        <source>Windows, buttons and everything else on screen</source>
        <translation>Fönster, knappar och allt annat på skärmen</translation>
    </message>
    <message>
        <source>Qt&apos;s libraries are linked dynamically: you can replace them with your own build of the same Qt version.</source>
        <translation>Biblioteken i Qt är dynamiskt länkade: du kan ersätta dem med en egen kompilering av samma Qt-version.</translation>
    </message>
    <message>
        <source>Lets Minuta use Qt from Python</source>
        <translation>Låter Minuta använda Qt från Python</translation>
    </message>
    <message>
        <source>Offered under the LGPL 3.0, GPL 2.0 or GPL 3.0; Minuta uses it under the LGPL 3.0.</source>
        <translation>Erbjuds under LGPL 3.0, GPL 2.0 eller GPL 3.0; Minuta använder den under LGPL 3.0.</translation>
    </message>
    <message>
        <source>Turns speech into text</source>
        <translation>Gör om tal till text</translation>
    </message>
    <message>
        <source>Finds the parts of a recording where someone speaks</source>
        <translation>Hittar de delar av en inspelning där någon pratar</translation>
    </message>
    <message>
        <source>Runs the speech model quickly on this computer</source>
        <translation>Kör talmodellen snabbt på den här datorn</translation>
    </message>
    <message>
        <source>The speech model that comes with Minuta</source>
        <translation>Talmodellen som följer med Minuta</translation>
    </message>
    <message>
        <source>Model weights by OpenAI, converted for CTranslate2.</source>
        <translation>Modellvikter från OpenAI, konverterade för CTranslate2.</translation>
    </message>
    <message>
        <source>Splits text into the pieces the speech model reads</source>
        <translation>Delar upp text i de bitar som talmodellen läser</translation>
    </message>
    <message>
        <source>Used by faster-whisper and Tokenizers</source>
        <translation>Används av faster-whisper och Tokenizers</translation>
    </message>
    <message>
        <source>Runs the voice detection model</source>
        <translation>Kör modellen som hittar tal</translation>
    </message>
    <message>
        <source>Reads model files for ONNX Runtime</source>
        <translation>Läser modellfiler för ONNX Runtime</translation>
    </message>
    <message>
        <source>Reads the audio and video files you import</source>
        <translation>Läser de ljud- och videofiler som du importerar</translation>
    </message>
    <message>
        <source>Decodes audio and video formats</source>
        <translation>Avkodar ljud- och videoformat</translation>
    </message>
    <message>
        <source>Shared libraries that you can replace with your own build.</source>
        <translation>Delade bibliotek som du kan ersätta med en egen kompilering.</translation>
    </message>
    <message>
        <source>Video encoders included in PyAV&apos;s FFmpeg; Minuta does not use them</source>
        <translation>Videokodare i den FFmpeg som följer med PyAV; Minuta använder dem inte</translation>
    </message>
    <message>
        <source>Linked into FFmpeg&apos;s video library as PyAV ships it.</source>
        <translation>Länkade in i FFmpegs videobibliotek, så som PyAV levererar det.</translation>
    </message>
    <message>
        <source>dav1d, Opus, libvpx, WebP, SVT-AV1, LAME, opencore-amr, GnuTLS, Nettle, GMP, libunistring, libvpl, libxcb, libdrm and ALSA, used by FFmpeg</source>
        <translation>dav1d, Opus, libvpx, WebP, SVT-AV1, LAME, opencore-amr, GnuTLS, Nettle, GMP, libunistring, libvpl, libxcb, libdrm och ALSA, som används av FFmpeg</translation>
    </message>
    <message>
        <source>Converts audio to the speech model&apos;s sample rate</source>
        <translation>Konverterar ljud till talmodellens samplingsfrekvens</translation>
    </message>
    <message>
        <source>libsoxr is built into soxr&apos;s extension module, a separate file you can replace; it includes PFFFT, under a BSD-style licence.</source>
        <translation>libsoxr är inbyggt i tilläggsmodulen i soxr, en separat fil som du kan ersätta; den innehåller PFFFT, under en BSD-liknande licens.</translation>
    </message>
    <message>
        <source>Plays meetings back</source>
        <translation>Spelar upp möten</translation>
    </message>
    <message>
        <source>Talks to the sound card for playback</source>
        <translation>Kommunicerar med ljudkortet vid uppspelning</translation>
    </message>
    <message>
        <source>Inside sounddevice on Windows and macOS; on Linux, the system&apos;s copy.</source>
        <translation>Ingår i sounddevice på Windows och macOS; på Linux används systemets kopia.</translation>
    </message>
    <message>
        <source>Records your microphone and the computer&apos;s sound</source>
        <translation>Spelar in din mikrofon och datorns ljud</translation>
    </message>
    <message>
        <source>Lists microphones and speakers</source>
        <translation>Listar mikrofoner och högtalare</translation>
    </message>
    <message>
        <source>The global record shortcut</source>
        <translation>Det globala kortkommandot för inspelning</translation>
    </message>
    <message>
        <source>Used by python-xlib</source>
        <translation>Används av python-xlib</translation>
    </message>
    <message>
        <source>Works with audio as numbers</source>
        <translation>Arbetar med ljud i form av siffror</translation>
    </message>
    <message>
        <source>Tells speakers apart</source>
        <translation>Skiljer talare åt</translation>
    </message>
    <message>
        <source>Fast maths for NumPy and SciPy</source>
        <translation>Snabb matematik för NumPy och SciPy</translation>
    </message>
    <message>
        <source>libgfortran, libquadmath and libgomp, used by NumPy, SciPy and CTranslate2</source>
        <translation>libgfortran, libquadmath och libgomp, som används av NumPy, SciPy och CTranslate2</translation>
    </message>
    <message>
        <source>Keeps maths on one thread where that is faster</source>
        <translation>Håller beräkningar på en tråd där det går snabbare</translation>
    </message>
    <message>
        <source>Encrypts the database</source>
        <translation>Krypterar databasen</translation>
    </message>
    <message>
        <source>By Zetetic LLC.</source>
        <translation>Från Zetetic LLC.</translation>
    </message>
    <message>
        <source>The database</source>
        <translation>Databasen</translation>
    </message>
    <message>
        <source>In the public domain.</source>
        <translation>Allmän egendom.</translation>
    </message>
    <message>
        <source>Connects Minuta to SQLCipher</source>
        <translation>Kopplar Minuta till SQLCipher</translation>
    </message>
    <message>
        <source>The encryption inside SQLCipher and cryptography</source>
        <translation>Krypteringen i SQLCipher och cryptography</translation>
    </message>
    <message>
        <source>Encrypts audio and protects the store&apos;s key</source>
        <translation>Krypterar ljud och skyddar datalagrets nyckel</translation>
    </message>
    <message>
        <source>Lets Python call libraries written in C</source>
        <translation>Låter Python anropa bibliotek skrivna i C</translation>
    </message>
    <message>
        <source>Used by CFFI</source>
        <translation>Används av CFFI</translation>
    </message>
    <message>
        <source>Keeps the store&apos;s key in your system keyring</source>
        <translation>Förvarar datalagrets nyckel i systemets nyckelring</translation>
    </message>
    <message>
        <source>jaraco.classes, jaraco.context, jaraco.functools, more-itertools, zipp and backports.tarfile, used by keyring</source>
        <translation>jaraco.classes, jaraco.context, jaraco.functools, more-itertools, zipp och backports.tarfile, som används av keyring</translation>
    </message>
    <message>
        <source>Used by keyring</source>
        <translation>Används av keyring</translation>
    </message>
    <message>
        <source>Talks to the system keyring on Linux</source>
        <translation>Kommunicerar med systemets nyckelring på Linux</translation>
    </message>
    <message>
        <source>Used by SecretStorage to reach the keyring</source>
        <translation>Används av SecretStorage för att nå nyckelringen</translation>
    </message>
    <message>
        <source>Finds where Minuta keeps its files</source>
        <translation>Tar reda på var Minuta sparar sina filer</translation>
    </message>
    <message>
        <source>Talks to a language model on this computer, and to your CRM when you approve a push</source>
        <translation>Kommunicerar med en språkmodell på den här datorn och med ditt CRM när du godkänner en överföring</translation>
    </message>
    <message>
        <source>Used by HTTPX</source>
        <translation>Används av HTTPX</translation>
    </message>
    <message>
        <source>Used by HTTPX for international web addresses</source>
        <translation>Används av HTTPX för internationella webbadresser</translation>
    </message>
    <message>
        <source>Mozilla&apos;s list of trusted certificates, for HTTPX</source>
        <translation>Mozillas lista över betrodda certifikat, för HTTPX</translation>
    </message>
    <message>
        <source>Used by Hugging Face Hub</source>
        <translation>Används av Hugging Face Hub</translation>
    </message>
    <message>
        <source>Used by CTranslate2 and Hugging Face Hub</source>
        <translation>Används av CTranslate2 och Hugging Face Hub</translation>
    </message>
    <message>
        <source>Used by faster-whisper</source>
        <translation>Används av faster-whisper</translation>
    </message>
    <message>
        <source>Used by ONNX Runtime and Hugging Face Hub</source>
        <translation>Används av ONNX Runtime och Hugging Face Hub</translation>
    </message>
    <message>
        <source>Used by several of the libraries above</source>
        <translation>Används av flera av biblioteken ovan</translation>
    </message>
    <message>
        <source>Starts the installed Minuta</source>
        <translation>Startar det installerade Minuta</translation>
    </message>
    <message>
        <source>The exception allows it to start programs under any licence.</source>
        <translation>Undantaget tillåter att den startar program under vilken licens som helst.</translation>
    </message>
</context>
<context>
    <name>LicencesModel</name>
    <message>
        <source>Public domain</source>
        <translation>Allmän egendom</translation>
    </message>
    <message>
        <source>Comes inside: {names}</source>
        <translation>Innehåller: {names}</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponent</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licens</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>Används till</translation>
    </message>
</context>
<context>
    <name>LiveTranscriptModel</name>
    <message>
        <source>me</source>
        <translation>jag</translation>
    </message>
    <message>
        <source>them</source>
        <translation>de andra</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>talare</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Encrypted on this computer · unlocked with your passphrase</source>
        <translation>Krypterat på den här datorn · upplåst med din lösenfras</translation>
    </message>
    <message>
        <source>Encrypted on this computer · key kept in your {location}</source>
        <translation>Krypterat på den här datorn · nyckeln finns i {location}</translation>
    </message>
    <message>
        <source>Quit Minuta?</source>
        <translation>Vill du avsluta Minuta?</translation>
    </message>
    <message>
        <source>A recording is running.</source>
        <translation>En inspelning pågår.</translation>
    </message>
    <message>
        <source>Quitting stops the recording. Everything recorded so far is kept.</source>
        <translation>Om du avslutar stoppas inspelningen. Allt som har spelats in hittills sparas.</translation>
    </message>
    <message>
        <source>&amp;Stop and Quit</source>
        <translation>&amp;Stoppa och avsluta</translation>
    </message>
    <message>
        <source>&amp;Keep Recording</source>
        <translation>&amp;Fortsätt spela in</translation>
    </message>
    <message>
        <source>New &amp;Recording</source>
        <translation>&amp;Ny inspelning</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>&amp;Search Meetings</source>
        <translation>&amp;Sök i möten</translation>
    </message>
    <message>
        <source>&amp;Reload Meetings</source>
        <translation>&amp;Läs in möten igen</translation>
    </message>
    <message>
        <source>&amp;Back to Meetings</source>
        <translation>&amp;Tillbaka till mötena</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;About Minuta</source>
        <translation>&amp;Om Minuta</translation>
    </message>
    <message>
        <source>1 meeting</source>
        <translation>1 möte</translation>
    </message>
    <message>
        <source>{count} meetings</source>
        <translation>{count} möten</translation>
    </message>
    <message>
        <source>Minuta could not list your meetings ({error}).</source>
        <translation>Minuta kunde inte visa dina möten ({error}).</translation>
    </message>
</context>
<context>
    <name>MeetingActions</name>
    <message>
        <source>Exported to {path}. This copy is not encrypted.</source>
        <translation>Exporterat till {path}. Den här kopian är inte krypterad.</translation>
    </message>
    <message>
        <source>The export failed ({reason}).</source>
        <translation>Exporten misslyckades ({reason}).</translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>Ta bort möte</translation>
    </message>
    <message>
        <source>Delete “{title}” from {date}? Its transcript, notes and audio are removed for good.</source>
        <translation>Vill du ta bort ”{title}” från {date}? Transkription, anteckningar och ljud tas bort för gott.</translation>
    </message>
    <message>
        <source>The meeting could not be deleted ({reason}).</source>
        <translation>Mötet kunde inte tas bort ({reason}).</translation>
    </message>
</context>
<context>
    <name>MeetingHeader</name>
    <message>
        <source>&amp;Meetings</source>
        <translation>&amp;Möten</translation>
    </message>
    <message>
        <source>Back to the meetings (Alt+Left)</source>
        <translation>Tillbaka till mötena (Alt+Vänster)</translation>
    </message>
    <message>
        <source>Back to the meetings</source>
        <translation>Tillbaka till mötena</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Click to change the title</source>
        <translation>Klicka för att ändra titeln</translation>
    </message>
    <message>
        <source>Fi&amp;nd</source>
        <translation>&amp;Sök</translation>
    </message>
    <message>
        <source>Find in the transcript (Ctrl+F)</source>
        <translation>Sök i transkriptionen (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find in the transcript</source>
        <translation>Sök i transkriptionen</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Exportera…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportera</translation>
    </message>
    <message>
        <source>Save a copy as a document or subtitles</source>
        <translation>Spara en kopia som dokument eller undertexter</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Ta bort…</translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>Ta bort möte</translation>
    </message>
</context>
<context>
    <name>MeetingView</name>
    <message>
        <source>Date and length</source>
        <translation>Datum och längd</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>Loading audio…</source>
        <translation>Läser in ljud…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>The transcript of this meeting was deleted on {date}.</source>
        <translation>Transkriptionen av det här mötet togs bort {date}.</translation>
    </message>
    <message>
        <source>This meeting could not be opened ({reason}).</source>
        <translation>Mötet kunde inte öppnas ({reason}).</translation>
    </message>
    <message>
        <source>The audio of this meeting was deleted on {date}.</source>
        <translation>Ljudet från det här mötet togs bort {date}.</translation>
    </message>
    <message>
        <source>This meeting has no audio.</source>
        <translation>Mötet har inget ljud.</translation>
    </message>
    <message>
        <source>The audio could not be loaded ({reason}). The transcript is still here.</source>
        <translation>Ljudet kunde inte läsas in ({reason}). Transkriptionen finns kvar.</translation>
    </message>
    <message>
        <source>Your change could not be saved ({reason}).</source>
        <translation>Din ändring kunde inte sparas ({reason}).</translation>
    </message>
</context>
<context>
    <name>MeetingsModel</name>
    <message>
        <source>Untitled meeting</source>
        <translation>Möte utan titel</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Spelar in</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Bearbetas</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Sent to CRM</source>
        <translation>Skickat till CRM</translation>
    </message>
    <message>
        <source>Under a minute</source>
        <translation>Under en minut</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} tim</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} tim {minutes} min</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>I går</translation>
    </message>
    <message>
        <source>not detected yet</source>
        <translation>inte identifierat än</translation>
    </message>
    <message>
        <source>Language: {language}</source>
        <translation>Språk: {language}</translation>
    </message>
</context>
<context>
    <name>MeetingsView</name>
    <message>
        <source>Meetings</source>
        <translation>Möten</translation>
    </message>
</context>
<context>
    <name>ModelDownload</name>
    <message>
        <source>Minuta could not reach the model server. Check the network connection and try again. The built-in model keeps working offline.</source>
        <translation>Minuta kunde inte nå modellservern. Kontrollera nätverksanslutningen och försök igen. Den inbyggda modellen fungerar fortfarande utan internet.</translation>
    </message>
    <message>
        <source>The connection was lost. Download again to continue where it stopped.</source>
        <translation>Anslutningen bröts. Ladda ned igen för att fortsätta där den stannade.</translation>
    </message>
    <message>
        <source>A downloaded file was damaged and has been deleted. Download again to fetch it afresh.</source>
        <translation>En nedladdad fil var skadad och har tagits bort. Ladda ned igen för att hämta den på nytt.</translation>
    </message>
    <message>
        <source>The download failed ({error}).</source>
        <translation>Nedladdningen misslyckades ({error}).</translation>
    </message>
</context>
<context>
    <name>ModelListModel</name>
    <message>
        <source>your own model folder: {path}</source>
        <translation>din egen modellmapp: {path}</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>På den här datorn</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>Built in, works offline</source>
        <translation>Inbyggd, fungerar utan internet</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>Inte nedladdad</translation>
    </message>
    <message>
        <source>Recommended for {language}</source>
        <translation>Rekommenderas för {language}</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Rekommenderas</translation>
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <source>The built-in model works offline from the start. Other models are downloaded only when you ask, and then run on this computer too.</source>
        <translation>Den inbyggda modellen fungerar utan internet från början. Andra modeller laddas bara ned när du ber om det, och körs sedan också på den här datorn.</translation>
    </message>
    <message>
        <source>Transcription models</source>
        <translation>Transkriptionsmodeller</translation>
    </message>
    <message>
        <source>Use the &amp;suggestion</source>
        <translation>Använd f&amp;örslaget</translation>
    </message>
    <message>
        <source>Use the suggested model</source>
        <translation>Använd den föreslagna modellen</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>&amp;Ladda ned</translation>
    </message>
    <message>
        <source>Download the selected model</source>
        <translation>Ladda ned den valda modellen</translation>
    </message>
    <message>
        <source>&amp;Cancel download</source>
        <translation>&amp;Avbryt nedladdningen</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>Avbryt nedladdningen</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Nedladdningens förlopp</translation>
    </message>
    <message>
        <source>Looking at this computer…</source>
        <translation>Undersöker datorn…</translation>
    </message>
    <message>
        <source>Suggested for {language} on this computer: {model}</source>
        <translation>Förslag för {language} på den här datorn: {model}</translation>
    </message>
    <message>
        <source>Suggested on this computer: {model}</source>
        <translation>Förslag för den här datorn: {model}</translation>
    </message>
    <message>
        <source>Downloading {name}… Closing this window stops it; downloading again continues where it stopped.</source>
        <translation>Laddar ned {name}… Om du stänger fönstret avbryts det; laddar du ned igen fortsätter det där det stannade.</translation>
    </message>
    <message>
        <source>{name} is not on this computer yet ({size} MB).</source>
        <translation>{name} finns inte på den här datorn än ({size} MB).</translation>
    </message>
    <message>
        <source>Stopping the download…</source>
        <translation>Avbryter nedladdningen…</translation>
    </message>
    <message>
        <source>{done:.0f} of {total:.0f} MB</source>
        <translation>{done:.0f} av {total:.0f} MB</translation>
    </message>
    <message>
        <source>Download stopped. What arrived is kept: downloading again continues from there.</source>
        <translation>Nedladdningen avbröts. Det som hann komma sparas: laddar du ned igen fortsätter det därifrån.</translation>
    </message>
</context>
<context>
    <name>NamePage</name>
    <message>
        <source>Optional</source>
        <translation>Valfritt</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ditt &amp;namn:</translation>
    </message>
    <message>
        <source>Transcripts show it for what you say, instead of “me”. It stays in Minuta&apos;s encrypted store on this computer.</source>
        <translation>Transkriptioner visar ditt namn vid det du säger, i stället för ”jag”. Det sparas krypterat i Minuta på den här datorn.</translation>
    </message>
</context>
<context>
    <name>OwnersView</name>
    <message>
        <source>Task owners in the CRM</source>
        <translation>Ansvariga för uppgifterna i CRM-systemet</translation>
    </message>
    <message>
        <source>{name} (matched in the CRM)</source>
        <translation>{name} (hittad i CRM-systemet)</translation>
    </message>
    <message>
        <source>{name}: not found, so the CRM&apos;s default owner</source>
        <translation>{name}: hittades inte, så standardansvarig i CRM-systemet</translation>
    </message>
    <message>
        <source>no owner named, so the CRM&apos;s default owner</source>
        <translation>ingen ansvarig angiven, så standardansvarig i CRM-systemet</translation>
    </message>
</context>
<context>
    <name>PayloadView</name>
    <message>
        <source>What will be sent</source>
        <translation>Det som skickas</translation>
    </message>
    <message>
        <source>Fingerprint of what you approve</source>
        <translation>Fingeravtryck av det du godkänner</translation>
    </message>
    <message>
        <source>Minuta adds your sign-in (or the webhook&apos;s signature) when it sends. It is never shown or stored with the push.</source>
        <translation>Minuta lägger till din inloggning (eller webhookens signatur) när den skickar. Den visas aldrig och sparas inte med sändningen.</translation>
    </message>
    <message>
        <source>Fingerprint (SHA-256) of what you approve: {digest}</source>
        <translation>Fingeravtryck (SHA-256) av det du godkänner: {digest}</translation>
    </message>
    <message>
        <source>{number} of {total}: {record}</source>
        <translation>{number} av {total}: {record}</translation>
    </message>
    <message>
        <source>Request {number}: address and headers</source>
        <translation>Begäran {number}: adress och rubriker</translation>
    </message>
    <message>
        <source>Request {number}: content</source>
        <translation>Begäran {number}: innehåll</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>• {count} meetings: their name in titles, notes and highlights becomes {marker}</source>
        <translation>• {count} möten: personens namn i titlar, anteckningar och markeringar blir {marker}</translation>
    </message>
    <message>
        <source>• They are removed from participant lists and speaker names</source>
        <translation>• Personen tas bort från deltagarlistor och talarnamn</translation>
    </message>
    <message>
        <source>• {spoken} transcript lines they said are deleted; {other} lines about them have their name replaced</source>
        <translation>• {spoken} rader i transkriptionen som personen sade tas bort; i {other} rader om personen ersätts namnet</translation>
    </message>
    <message>
        <source>• In participant lists and speaker names they become {marker}; {count} transcript lines are kept, with their name replaced</source>
        <translation>• I deltagarlistor och talarnamn blir personen {marker}; {count} rader i transkriptionen behålls, med namnet ersatt</translation>
    </message>
    <message>
        <source>• {count} summary items and drafts: their name is replaced</source>
        <translation>• {count} punkter och utkast i sammanfattningar: namnet ersätts</translation>
    </message>
    <message>
        <source>• Their voice is forgotten in those meetings</source>
        <translation>• Personens röst glöms i de mötena</translation>
    </message>
    <message>
        <source>• {count} entries of the export log are deleted</source>
        <translation>• {count} poster i exportloggen tas bort</translation>
    </message>
    <message>
        <source>• {count} CRM pushes: Minuta&apos;s copy is redacted and {unsent} not yet sent are withdrawn. What is already in the CRM is not changed: follow it up there.</source>
        <translation>• {count} sändningar till CRM: Minutas kopia maskeras och {unsent} som inte har skickats än dras tillbaka. Det som redan finns i CRM-systemet ändras inte: följ upp det där.</translation>
    </message>
    <message>
        <source>A Person&apos;s Data</source>
        <translation>En persons uppgifter</translation>
    </message>
    <message>
        <source>A person&apos;s data</source>
        <translation>En persons uppgifter</translation>
    </message>
    <message>
        <source>Find everything Minuta holds about one person, by name or e-mail address: meetings, transcripts, summaries, what was sent to a CRM and exports. Then export it for them, or redact or erase it.</source>
        <translation>Hitta allt som Minuta har om en person, utifrån namn eller e-postadress: möten, transkriptioner, sammanfattningar, vad som har skickats till ett CRM och exporter. Exportera det sedan till personen, eller maskera eller radera det.</translation>
    </message>
    <message>
        <source>Name or e-mail address</source>
        <translation>Namn eller e-postadress</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Sök</translation>
    </message>
    <message>
        <source>Find everything about this person (Enter)</source>
        <translation>Hitta allt om den här personen (Enter)</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>Det som hittades</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>In your CRM (change or delete these there):</source>
        <translation>I ditt CRM (ändra eller ta bort dem där):</translation>
    </message>
    <message>
        <source>CRM records to follow up</source>
        <translation>CRM-poster att följa upp</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportera…</translation>
    </message>
    <message>
        <source>Write everything found as JSON and a web page</source>
        <translation>Skriv allt som hittades som JSON och en webbsida</translation>
    </message>
    <message>
        <source>Re&amp;dact…</source>
        <translation>&amp;Maskera…</translation>
    </message>
    <message>
        <source>Replace their name everywhere; keep what they said</source>
        <translation>Ersätt personens namn överallt; behåll det personen sade</translation>
    </message>
    <message>
        <source>Er&amp;ase…</source>
        <translation>&amp;Radera…</translation>
    </message>
    <message>
        <source>Remove them and what they said everywhere</source>
        <translation>Ta bort personen och det personen sade överallt</translation>
    </message>
    <message>
        <source>That did not work: {error}. Nothing was changed.</source>
        <translation>Det fungerade inte: {error}. Inget ändrades.</translation>
    </message>
    <message>
        <source>Type a name or an e-mail address.</source>
        <translation>Skriv ett namn eller en e-postadress.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Söker…</translation>
    </message>
    <message>
        <source>Nothing is stored about {who}.</source>
        <translation>Inget finns sparat om {who}.</translation>
    </message>
    <message>
        <source>About {who}:</source>
        <translation>Om {who}:</translation>
    </message>
    <message>
        <source>Export to a folder (the files are not encrypted)</source>
        <translation>Exportera till en mapp (filerna är inte krypterade)</translation>
    </message>
    <message>
        <source>Wrote {json} and {html}. They are not encrypted: hand them over safely.</source>
        <translation>Skrev {json} och {html}. De är inte krypterade: lämna över dem på ett säkert sätt.</translation>
    </message>
    <message>
        <source>Erase a person</source>
        <translation>Radera en person</translation>
    </message>
    <message>
        <source>Erase {who} everywhere? This cannot be undone.</source>
        <translation>Vill du radera {who} överallt? Det går inte att ångra.</translation>
    </message>
    <message>
        <source>&amp;Erase</source>
        <translation>&amp;Radera</translation>
    </message>
    <message>
        <source>Redact a person</source>
        <translation>Maskera en person</translation>
    </message>
    <message>
        <source>Redact {who} everywhere? This cannot be undone.</source>
        <translation>Vill du maskera {who} överallt? Det går inte att ångra.</translation>
    </message>
    <message>
        <source>&amp;Redact</source>
        <translation>&amp;Maskera</translation>
    </message>
    <message>
        <source>Also delete the &amp;audio of the meetings they spoke in</source>
        <translation>Ta också bort &amp;ljudet från mötena där personen talade</translation>
    </message>
    <message>
        <source>Also delete the audio</source>
        <translation>Ta också bort ljudet</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>Raderar…</translation>
    </message>
    <message>
        <source>Redacting…</source>
        <translation>Maskerar…</translation>
    </message>
    <message>
        <source>Done: {meetings} meetings changed, {deleted} lines deleted, {redacted} lines redacted, {exports} exports deleted.</source>
        <translation>Klart: {meetings} möten ändrade, {deleted} rader borttagna, {redacted} rader maskerade, {exports} exporter borttagna.</translation>
    </message>
    <message>
        <source>Follow up on the CRM records below in the CRM itself.</source>
        <translation>Följ upp CRM-posterna nedan i själva CRM-systemet.</translation>
    </message>
    <message>
        <source>Meetings ({count})</source>
        <translation>Möten ({count})</translation>
    </message>
    <message>
        <source>Transcript lines ({count})</source>
        <translation>Rader i transkriptioner ({count})</translation>
    </message>
    <message>
        <source>Summary items ({count})</source>
        <translation>Punkter i sammanfattningar ({count})</translation>
    </message>
    <message>
        <source>Sent to CRM ({count})</source>
        <translation>Skickat till CRM ({count})</translation>
    </message>
    <message>
        <source>Exports ({count})</source>
        <translation>Exporter ({count})</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>deltagare</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>talare</translation>
    </message>
    <message>
        <source>title</source>
        <translation>titel</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>anteckningar</translation>
    </message>
    <message>
        <source>transcript</source>
        <translation>transkription</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>sammanfattning</translation>
    </message>
    <message>
        <source>highlight</source>
        <translation>markering</translation>
    </message>
    <message>
        <source>consent record</source>
        <translation>samtyckesregistrering</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>export</source>
        <translation>export</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>skickad</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>väntar på att skickas</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>skickas nu</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>misslyckades</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>tillbakadragen</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>E-mail subject</source>
        <translation>E-postens ämne</translation>
    </message>
    <message>
        <source>E-mail draft</source>
        <translation>Utkast till e-post</translation>
    </message>
</context>
<context>
    <name>PlaceRow</name>
    <message>
        <source>{place}: where</source>
        <translation>{place}: plats</translation>
    </message>
    <message>
        <source>{place}: status</source>
        <translation>{place}: status</translation>
    </message>
</context>
<context>
    <name>PlayerBar</name>
    <message>
        <source>&amp;Play</source>
        <translation>Spe&amp;la upp</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>Spela upp eller pausa (mellanslag)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Spela upp</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Hastighet</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Uppspelningshastighet</translation>
    </message>
    <message>
        <source>Sp&amp;eed</source>
        <translation>Hasti&amp;ghet</translation>
    </message>
    <message>
        <source>S&amp;kip silence</source>
        <translation>Hoppa över t&amp;ystnad</translation>
    </message>
    <message>
        <source>Skip silence</source>
        <translation>Hoppa över tystnad</translation>
    </message>
    <message>
        <source>Leave out pauses longer than a second</source>
        <translation>Hoppa över pauser som är längre än en sekund</translation>
    </message>
    <message>
        <source>Player status</source>
        <translation>Spelarens status</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausa</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
</context>
<context>
    <name>PolicyEditor</name>
    <message>
        <source>&amp;Keep it until I delete it</source>
        <translation>&amp;Behåll det tills jag tar bort det</translation>
    </message>
    <message>
        <source>&amp;Delete it this many days after the meeting:</source>
        <translation>&amp;Ta bort det så här många dagar efter mötet:</translation>
    </message>
    <message>
        <source>Days after the meeting</source>
        <translation>Dagar efter mötet</translation>
    </message>
    <message>
        <source>Delete it once the summary is sent to the &amp;CRM</source>
        <translation>Ta bort det när sammanfattningen har skickats till &amp;CRM</translation>
    </message>
    <message>
        <source>…or this many days after the meeting, if soo&amp;ner:</source>
        <translation>…eller så här många dagar efter mötet, om det är tidi&amp;gare:</translation>
    </message>
    <message>
        <source>Days after the meeting, at most</source>
        <translation>Högst antal dagar efter mötet</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Ljud</translation>
    </message>
    <message>
        <source>Kee&amp;p it until I delete it</source>
        <translation>Behåll &amp;den tills jag tar bort den</translation>
    </message>
    <message>
        <source>Delete it this many &amp;months after the meeting:</source>
        <translation>Ta bort den så här många &amp;månader efter mötet:</translation>
    </message>
    <message>
        <source>Months after the meeting</source>
        <translation>Månader efter mötet</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transkription</translation>
    </message>
    <message>
        <source>Summaries: kept until you delete them.</source>
        <translation>Sammanfattningar: behålls tills du tar bort dem.</translation>
    </message>
</context>
<context>
    <name>PrivacyMenu</name>
    <message>
        <source>&amp;Privacy</source>
        <translation>&amp;Integritet</translation>
    </message>
    <message>
        <source>A &amp;Person&apos;s Data…</source>
        <translation>&amp;En persons uppgifter…</translation>
    </message>
    <message>
        <source>Find, export or erase what Minuta holds about one person</source>
        <translation>Hitta, exportera eller radera det som Minuta har om en person</translation>
    </message>
    <message>
        <source>&amp;Audit Log…</source>
        <translation>&amp;Granskningslogg…</translation>
    </message>
    <message>
        <source>Everything that matters for privacy, and a check that nothing was changed</source>
        <translation>Allt som påverkar integriteten, och en kontroll av att inget har ändrats</translation>
    </message>
    <message>
        <source>&amp;What Left This Machine…</source>
        <translation>&amp;Vad som har lämnat datorn…</translation>
    </message>
    <message>
        <source>Every push to a CRM and every export, with exactly what went</source>
        <translation>Varje sändning till ett CRM och varje export, med exakt det som lämnade datorn</translation>
    </message>
</context>
<context>
    <name>PushDialog</name>
    <message>
        <source>Send to CRM</source>
        <translation>Skicka till CRM</translation>
    </message>
    <message>
        <source>What will be sent</source>
        <translation>Det som skickas</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>No CRM is connected yet.</source>
        <translation>Inget CRM är anslutet än.</translation>
    </message>
    <message>
        <source>C&amp;onnect a CRM…</source>
        <translation>&amp;Anslut ett CRM…</translation>
    </message>
    <message>
        <source>Connect a CRM in Settings</source>
        <translation>Anslut ett CRM under Inställningar</translation>
    </message>
    <message>
        <source>&amp;CRM</source>
        <translation>&amp;CRM</translation>
    </message>
    <message>
        <source>Send &amp;to</source>
        <translation>Skicka &amp;till</translation>
    </message>
    <message>
        <source>&amp;What to send</source>
        <translation>&amp;Vad som skickas</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Personuppgifter</translation>
    </message>
    <message>
        <source>Task owners</source>
        <translation>Ansvariga för uppgifter</translation>
    </message>
    <message>
        <source>&amp;Approve and send</source>
        <translation>&amp;Godkänn och skicka</translation>
    </message>
    <message>
        <source>Approve and send what is shown</source>
        <translation>Godkänn och skicka det som visas</translation>
    </message>
    <message>
        <source>Sends exactly what is shown on the right</source>
        <translation>Skickar exakt det som visas till höger</translation>
    </message>
    <message>
        <source>Reading the meeting…</source>
        <translation>Läser mötet…</translation>
    </message>
    <message>
        <source>Approve items in the summary first: only those are sent.</source>
        <translation>Godkänn punkter i sammanfattningen först: bara de skickas.</translation>
    </message>
    <message>
        <source>Connecting to {crm}…</source>
        <translation>Ansluter till {crm}…</translation>
    </message>
    <message>
        <source>Minuta could not reach the CRM: {reason}</source>
        <translation>Minuta kunde inte nå CRM-systemet: {reason}</translation>
    </message>
    <message>
        <source>Choose something to send.</source>
        <translation>Välj något att skicka.</translation>
    </message>
    <message>
        <source>Connect a CRM to see what would be sent.</source>
        <translation>Anslut ett CRM för att se vad som skulle skickas.</translation>
    </message>
    <message>
        <source>Waiting for the CRM…</source>
        <translation>Väntar på CRM-systemet…</translation>
    </message>
    <message>
        <source>Choose the record to send it to.</source>
        <translation>Välj posten som det ska skickas till.</translation>
    </message>
    <message>
        <source>The meeting could not be read ({reason}).</source>
        <translation>Mötet kunde inte läsas ({reason}).</translation>
    </message>
</context>
<context>
    <name>RecordingMessages</name>
    <message>
        <source>The call audio</source>
        <translation>Samtalsljudet</translation>
    </message>
    <message>
        <source>Your microphone</source>
        <translation>Din mikrofon</translation>
    </message>
    <message>
        <source>{channel} ({device}) stopped sending sound. Recording goes on, and picks it up again as soon as it is back.</source>
        <translation>{channel} ({device}) slutade skicka ljud. Inspelningen fortsätter och tar med det igen så snart det är tillbaka.</translation>
    </message>
    <message>
        <source>{channel} is back ({device}).</source>
        <translation>{channel} är tillbaka ({device}).</translation>
    </message>
    <message>
        <source>{channel} now comes from {device}, the computer&apos;s new default.</source>
        <translation>{channel} kommer nu från {device}, datorns nya standard.</translation>
    </message>
    <message>
        <source>{channel} missed {seconds} seconds of sound; that moment is silent in the recording.</source>
        <translation>{channel} missade {seconds} sekunder ljud; det ögonblicket är tyst i inspelningen.</translation>
    </message>
    <message>
        <source>Your microphone has picked up only silence for a while. Is it muted?</source>
        <translation>Din mikrofon har bara fångat upp tystnad en stund. Är den avstängd?</translation>
    </message>
    <message>
        <source>Nobody has spoken for a long time. Is the meeting over? Stop the recording when it is.</source>
        <translation>Ingen har sagt något på länge. Är mötet slut? Stoppa i så fall inspelningen.</translation>
    </message>
    <message>
        <source>The recording reached its maximum length, so it stops now.</source>
        <translation>Inspelningen har nått sin maxlängd och stoppas nu.</translation>
    </message>
    <message>
        <source>The live transcript is falling behind, so it shows whole sentences only for now. The recording is not affected.</source>
        <translation>Live-transkriptionen ligger efter, så den visar bara hela meningar just nu. Inspelningen påverkas inte.</translation>
    </message>
    <message>
        <source>The computer is busy: some of the live transcript is left for the full transcript after the meeting. The recording is not affected.</source>
        <translation>Datorn är upptagen: en del av live-transkriptionen får vänta till den fullständiga transkriptionen efter mötet. Inspelningen påverkas inte.</translation>
    </message>
    <message>
        <source>The live transcript stopped. The recording goes on, and the full transcript is made when it ends.</source>
        <translation>Live-transkriptionen har stoppat. Inspelningen fortsätter, och den fullständiga transkriptionen görs när den är slut.</translation>
    </message>
    <message>
        <source>The disk is full, so the recording stopped at {time}. Everything up to then is kept: free some space, then restart Minuta to finish saving it.</source>
        <translation>Disken är full, så inspelningen stoppade vid {time}. Allt fram till dess finns kvar: frigör lite utrymme och starta sedan om Minuta för att spara klart.</translation>
    </message>
    <message>
        <source>The recording stopped at {time} because of a problem. Everything up to then is kept; restart Minuta to finish saving it.</source>
        <translation>Inspelningen stoppade vid {time} på grund av ett problem. Allt fram till dess finns kvar; starta om Minuta för att spara klart.</translation>
    </message>
    <message>
        <source>The recording reached its maximum length and was stopped at {time}.</source>
        <translation>Inspelningen nådde sin maxlängd och stoppades vid {time}.</translation>
    </message>
    <message>
        <source>Recording could not start: a sound device is not available. Check that it is plugged in, or choose the computer&apos;s default.</source>
        <translation>Inspelningen kunde inte starta: en ljudenhet är inte tillgänglig. Kontrollera att den är ansluten, eller välj datorns standard.</translation>
    </message>
    <message>
        <source>Recording could not start: {reason}</source>
        <translation>Inspelningen kunde inte starta: {reason}</translation>
    </message>
    <message>
        <source>Recording could not start: Minuta could not write its files ({reason}).</source>
        <translation>Inspelningen kunde inte starta: Minuta kunde inte skriva sina filer ({reason}).</translation>
    </message>
    <message>
        <source>Recording could not start ({problem}).</source>
        <translation>Inspelningen kunde inte starta ({problem}).</translation>
    </message>
    <message>
        <source>The recording could not be saved completely. What was recorded is kept; restart Minuta to finish saving it.</source>
        <translation>Inspelningen kunde inte sparas helt. Det som spelades in finns kvar; starta om Minuta för att spara klart.</translation>
    </message>
    <message>
        <source>Your notes could not be saved just now. Minuta tries again as you type.</source>
        <translation>Dina anteckningar kunde inte sparas just nu. Minuta försöker igen medan du skriver.</translation>
    </message>
    <message>
        <source>No live transcript this time ({reason}). The recording and the full transcript afterwards are not affected.</source>
        <translation>Ingen live-transkription den här gången ({reason}). Inspelningen och den fullständiga transkriptionen efteråt påverkas inte.</translation>
    </message>
    <message>
        <source>Minuta can&apos;t reach this computer&apos;s sound system (PulseAudio or PipeWire), so it can&apos;t record right now. Check that sound works in other programs; if it does not, log out and back in, or restart the computer. Then try again. Your meetings can still be opened, searched and imported.</source>
        <translation>Minuta når inte datorns ljudsystem (PulseAudio eller PipeWire) och kan därför inte spela in just nu. Kontrollera att ljudet fungerar i andra program; om det inte gör det, logga ut och in igen eller starta om datorn. Försök sedan igen. Dina möten kan fortfarande öppnas, sökas i och importeras.</translation>
    </message>
    <message>
        <source>Minuta can&apos;t use this computer&apos;s sound system: a part it needs (the PortAudio library) is missing, so it can&apos;t record. Installing Minuta again should bring it back. Your meetings can still be opened, searched and imported.</source>
        <translation>Minuta kan inte använda datorns ljudsystem: en del som behövs (PortAudio-biblioteket) saknas, så det går inte att spela in. Installera Minuta igen så bör den komma tillbaka. Dina möten kan fortfarande öppnas, sökas i och importeras.</translation>
    </message>
    <message>
        <source>Minuta could not list the sound devices. Recording uses the computer&apos;s default ones.</source>
        <translation>Minuta kunde inte hitta ljudenheterna. Inspelningen använder datorns standardenheter.</translation>
    </message>
</context>
<context>
    <name>RecordingView</name>
    <message>
        <source>Optional, for example: Nordlys pricing</source>
        <translation>Valfritt, till exempel: Nordlys-priser</translation>
    </message>
    <message>
        <source>Meeting title</source>
        <translation>Mötets titel</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Start recording</source>
        <translation>&amp;Starta inspelning</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>Starta inspelning</translation>
    </message>
    <message>
        <source>Start recording this meeting (Alt+S)</source>
        <translation>Börja spela in det här mötet (Alt+S)</translation>
    </message>
    <message>
        <source>Full transcript progress</source>
        <translation>Den fullständiga transkriptionens förlopp</translation>
    </message>
    <message>
        <source>Cance&amp;l transcript</source>
        <translation>Avbryt tra&amp;nskriptionen</translation>
    </message>
    <message>
        <source>Cancel the full transcript</source>
        <translation>Avbryt den fullständiga transkriptionen</translation>
    </message>
    <message>
        <source>Stop making the full transcript; the live transcript is kept (Alt+L)</source>
        <translation>Sluta göra den fullständiga transkriptionen; live-transkriptionen finns kvar (Alt+N)</translation>
    </message>
    <message>
        <source>Record a meeting</source>
        <translation>Spela in ett möte</translation>
    </message>
    <message>
        <source>Recording status</source>
        <translation>Inspelningens status</translation>
    </message>
    <message>
        <source>Recorded time</source>
        <translation>Inspelad tid</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Mikrofonnivå</translation>
    </message>
    <message>
        <source>Call audio level</source>
        <translation>Nivå för samtalsljud</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>Call audio</source>
        <translation>Samtalsljud</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausa</translation>
    </message>
    <message>
        <source>&amp;Highlight</source>
        <translation>&amp;Markera</translation>
    </message>
    <message>
        <source>Highlight this moment</source>
        <translation>Markera det här ögonblicket</translation>
    </message>
    <message>
        <source>Mark this moment to find it later ({shortcut})</source>
        <translation>Markera det här ögonblicket så att du hittar det senare ({shortcut})</translation>
    </message>
    <message>
        <source>Highlight label (optional)</source>
        <translation>Text till markeringen (valfritt)</translation>
    </message>
    <message>
        <source>Highlight label</source>
        <translation>Text till markeringen</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppa</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>Stoppa inspelning</translation>
    </message>
    <message>
        <source>Stop and save the recording (Alt+T)</source>
        <translation>Stoppa och spara inspelningen (Alt+T)</translation>
    </message>
    <message>
        <source>Live transcript</source>
        <translation>Live-transkription</translation>
    </message>
    <message>
        <source>Your notes. They are saved as you type.</source>
        <translation>Dina anteckningar. De sparas medan du skriver.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>A&amp;nteckningar</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startar…</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsätt</translation>
    </message>
    <message>
        <source>Resume recording</source>
        <translation>Fortsätt inspelningen</translation>
    </message>
    <message>
        <source>Pause recording</source>
        <translation>Pausa inspelningen</translation>
    </message>
    <message>
        <source>Record again (Alt+R)</source>
        <translation>Spela in igen (Alt+F)</translation>
    </message>
    <message>
        <source>Pause the recording (Alt+P)</source>
        <translation>Pausa inspelningen (Alt+P)</translation>
    </message>
    <message>
        <source>● Recording</source>
        <translation>● Spelar in</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausad</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <source>Highlight at {time}: {label}</source>
        <translation>Markering vid {time}: {label}</translation>
    </message>
    <message>
        <source>Highlight at {time}</source>
        <translation>Markering vid {time}</translation>
    </message>
    <message>
        <source>Making the full transcript of the last recording…</source>
        <translation>Gör den fullständiga transkriptionen av den senaste inspelningen…</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>Rules for</source>
        <translation>Regler för</translation>
    </message>
    <message>
        <source>All meetings</source>
        <translation>Alla möten</translation>
    </message>
    <message>
        <source>&amp;Own rules for this meeting type</source>
        <translation>&amp;Egna regler för den här mötestypen</translation>
    </message>
    <message>
        <source>Own rules for this meeting type</source>
        <translation>Egna regler för den här mötestypen</translation>
    </message>
    <message>
        <source>Otherwise the rules for all meetings apply to this type</source>
        <translation>Annars gäller reglerna för alla möten även för den här typen</translation>
    </message>
    <message>
        <source>What these rules delete soon</source>
        <translation>Det som reglerna snart tar bort</translation>
    </message>
    <message>
        <source>Rules &amp;for:</source>
        <translation>Regler &amp;för:</translation>
    </message>
    <message>
        <source>A meeting marked “Keep this meeting” is never deleted by these rules. They are applied when Minuta starts and once a day.</source>
        <translation>Ett möte som är markerat med ”Behåll det här mötet” tas aldrig bort av de här reglerna. De tillämpas när Minuta startar och en gång om dagen.</translation>
    </message>
    <message>
        <source>Nothing will be deleted in the next {days} days.</source>
        <translation>Inget tas bort de närmaste {days} dagarna.</translation>
    </message>
    <message>
        <source>In the next {days} days, these rules delete from 1 meeting:</source>
        <translation>De närmaste {days} dagarna tar reglerna bort från 1 möte:</translation>
    </message>
    <message>
        <source>In the next {days} days, these rules delete from {count} meetings:</source>
        <translation>De närmaste {days} dagarna tar reglerna bort från {count} möten:</translation>
    </message>
    <message>
        <source>{title} — audio on {date}</source>
        <translation>{title} — ljud {date}</translation>
    </message>
    <message>
        <source>{title} — audio, due now</source>
        <translation>{title} — ljud, direkt</translation>
    </message>
    <message>
        <source>{title} — transcript on {date}</source>
        <translation>{title} — transkription {date}</translation>
    </message>
    <message>
        <source>{title} — transcript, due now</source>
        <translation>{title} — transkription, direkt</translation>
    </message>
    <message>
        <source>What these rules delete could not be listed ({error}).</source>
        <translation>Det som reglerna tar bort kunde inte visas ({error}).</translation>
    </message>
</context>
<context>
    <name>RetentionRunner</name>
    <message>
        <source>audio of 1 meeting deleted</source>
        <translation>ljud från 1 möte borttaget</translation>
    </message>
    <message>
        <source>audio of {count} meetings deleted</source>
        <translation>ljud från {count} möten borttaget</translation>
    </message>
    <message>
        <source>transcript of 1 meeting deleted</source>
        <translation>transkription av 1 möte borttagen</translation>
    </message>
    <message>
        <source>transcripts of {count} meetings deleted</source>
        <translation>transkriptioner av {count} möten borttagna</translation>
    </message>
    <message>
        <source>Retention: {what}</source>
        <translation>Gallring: {what}</translation>
    </message>
    <message>
        <source>The retention rules could not be applied ({error}).</source>
        <translation>Gallringsreglerna kunde inte tillämpas ({error}).</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>Minuta could not search your meetings just now.</source>
        <translation>Minuta kunde inte söka i dina möten just nu.</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Search meetings ({keys})</source>
        <translation>Sök i möten ({keys})</translation>
    </message>
    <message>
        <source>Search meetings</source>
        <translation>Sök i möten</translation>
    </message>
    <message>
        <source>Search titles, notes and transcripts ({keys})</source>
        <translation>Sök i titlar, anteckningar och transkriptioner ({keys})</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>at {time}</source>
        <translation>vid {time}</translation>
    </message>
    <message>
        <source>in the notes</source>
        <translation>i anteckningarna</translation>
    </message>
    <message>
        <source>in the title</source>
        <translation>i titeln</translation>
    </message>
</context>
<context>
    <name>SearchResultsPage</name>
    <message>
        <source>Search results</source>
        <translation>Sökresultat</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Söker…</translation>
    </message>
    <message>
        <source>No matches for “{query}”.</source>
        <translation>Inga träffar för ”{query}”.</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 träff</translation>
    </message>
    <message>
        <source>{count} matches</source>
        <translation>{count} träffar</translation>
    </message>
</context>
<context>
    <name>SeekBar</name>
    <message>
        <source>Position in the recording</source>
        <translation>Position i inspelningen</translation>
    </message>
    <message>
        <source>Position (Left/Right: 5 seconds back or on)</source>
        <translation>Position (vänster-/högerpil: 5 sekunder bakåt eller framåt)</translation>
    </message>
</context>
<context>
    <name>SendingStatus</name>
    <message>
        <source>Sending</source>
        <translation>Skickar</translation>
    </message>
    <message>
        <source>Sending progress</source>
        <translation>Sändningens förlopp</translation>
    </message>
    <message>
        <source>Approved and queued. Minuta sends it while it is running.</source>
        <translation>Godkänt och köat. Minuta skickar det medan programmet körs.</translation>
    </message>
    <message>
        <source>Sending to {crm}…</source>
        <translation>Skickar till {crm}…</translation>
    </message>
    <message>
        <source>Sent to {crm}.</source>
        <translation>Skickat till {crm}.</translation>
    </message>
    <message>
        <source>Open in {crm}</source>
        <translation>Öppna i {crm}</translation>
    </message>
    <message>
        <source>Not sent yet: {reason} Minuta tries again at {time}. You can close this window.</source>
        <translation>Inte skickat än: {reason} Minuta försöker igen {time}. Du kan stänga fönstret.</translation>
    </message>
    <message>
        <source>Not sent: {reason} The push is kept; you can try again from the Summary tab.</source>
        <translation>Inte skickat: {reason} Sändningen finns kvar; du kan försöka igen från fliken Sammanfattning.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Minuta Settings</source>
        <translation>Inställningar för Minuta</translation>
    </message>
    <message>
        <source>Recording devices</source>
        <translation>Inspelningsenheter</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Transcription model</source>
        <translation>Transkriptionsmodell</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtycke</translation>
    </message>
    <message>
        <source>Hotkey</source>
        <translation>Kortkommando</translation>
    </message>
    <message>
        <source>Summaries</source>
        <translation>Sammanfattningar</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Gallring</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Avsnitt i inställningarna</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Spara inställningarna</translation>
    </message>
    <message>
        <source>Minuta could not read your settings ({error}).</source>
        <translation>Minuta kunde inte läsa dina inställningar ({error}).</translation>
    </message>
    <message>
        <source>Minuta could not save your settings ({error}).</source>
        <translation>Minuta kunde inte spara dina inställningar ({error}).</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up Minuta</source>
        <translation>Kom igång med Minuta</translation>
    </message>
    <message>
        <source>Minuta records your meetings, writes down what was said, and keeps it all on this computer, encrypted. Nothing is sent anywhere unless you ask. The next steps take a minute; every one of them can be changed later in Settings.</source>
        <translation>Minuta spelar in dina möten, skriver ner vad som sades och sparar allt krypterat på den här datorn. Inget skickas någonstans om du inte ber om det. De följande stegen tar en minut, och du kan ändra allt senare under Inställningar.</translation>
    </message>
    <message>
        <source>Welcome to Minuta</source>
        <translation>Välkommen till Minuta</translation>
    </message>
    <message>
        <source>Your microphone and the call</source>
        <translation>Din mikrofon och samtalet</translation>
    </message>
    <message>
        <source>Choose what to record, then press Test and say something.</source>
        <translation>Välj vad som ska spelas in, tryck sedan på Testa och säg något.</translation>
    </message>
    <message>
        <source>Language and transcription</source>
        <translation>Språk och transkription</translation>
    </message>
    <message>
        <source>The built-in model works offline right away. A model suggested for your language can be more accurate; downloading it is optional.</source>
        <translation>Den inbyggda modellen fungerar utan internet direkt. En modell som föreslås för ditt språk kan vara mer exakt; det är valfritt att ladda ned den.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
    <message>
        <source>Optional.</source>
        <translation>Valfritt.</translation>
    </message>
    <message>
        <source>Finish saves these choices.</source>
        <translation>Dina val sparas när du är klar.</translation>
    </message>
    <message>
        <source>Minuta could not save these choices: {error}</source>
        <translation>Minuta kunde inte spara dina val: {error}</translation>
    </message>
</context>
<context>
    <name>SummaryGenerator</name>
    <message>
        <source>Getting the transcript ready…</source>
        <translation>Förbereder transkriptionen…</translation>
    </message>
    <message>
        <source>Saving the draft…</source>
        <translation>Sparar utkastet…</translation>
    </message>
    <message>
        <source>This meeting has no transcript to summarise yet.</source>
        <translation>Det här mötet har ingen transkription att sammanfatta än.</translation>
    </message>
    <message>
        <source>The summary could not be made ({reason}).</source>
        <translation>Sammanfattningen kunde inte göras ({reason}).</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summaries are drafted by</source>
        <translation>Sammanfattningar skrivs av</translation>
    </message>
    <message>
        <source>Automatic (a language model on this computer if one runs, else built-in)</source>
        <translation>Automatiskt (en språkmodell på den här datorn om en körs, annars den inbyggda)</translation>
    </message>
    <message>
        <source>Built-in summariser</source>
        <translation>Inbyggd sammanfattning</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>OpenAI-kompatibel server</translation>
    </message>
    <message>
        <source>llama.cpp in the app</source>
        <translation>llama.cpp i appen</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradress</translation>
    </message>
    <message>
        <source>Usual address, e.g. http://127.0.0.1:11434</source>
        <translation>Den vanliga adressen, t.ex. http://127.0.0.1:11434</translation>
    </message>
    <message>
        <source>Model name</source>
        <translation>Modellnamn</translation>
    </message>
    <message>
        <source>The server&apos;s first model</source>
        <translation>Serverns första modell</translation>
    </message>
    <message>
        <source>Choose fi&amp;le…</source>
        <translation>Välj &amp;fil…</translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation>Välj en modellfil</translation>
    </message>
    <message>
        <source>Default meeting type</source>
        <translation>Standardmötestyp</translation>
    </message>
    <message>
        <source>Drafted &amp;by:</source>
        <translation>Skrivs &amp;av:</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Ser&amp;veradress:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>Default meeting &amp;type:</source>
        <translation>Standardmötes&amp;typ:</translation>
    </message>
    <message>
        <source>Minuta only uses a language model on this computer: the meeting never leaves it. Without one, the built-in summariser drafts the summary.</source>
        <translation>Minuta använder bara en språkmodell på den här datorn: mötet lämnar den aldrig. Utan en skriver den inbyggda funktionen sammanfattningen.</translation>
    </message>
    <message>
        <source>&amp;Find servers on this computer</source>
        <translation>&amp;Hitta servrar på den här datorn</translation>
    </message>
    <message>
        <source>Find language-model servers on this computer</source>
        <translation>Hitta språkmodellservrar på den här datorn</translation>
    </message>
    <message>
        <source>Servers found</source>
        <translation>Hittade servrar</translation>
    </message>
    <message>
        <source>Choose a server to use it</source>
        <translation>Välj en server för att använda den</translation>
    </message>
    <message>
        <source>Minuta is still checking the server address. Try again in a moment.</source>
        <translation>Minuta kontrollerar fortfarande serveradressen. Försök igen om en stund.</translation>
    </message>
    <message>
        <source>Looking for servers on this computer…</source>
        <translation>Letar efter servrar på den här datorn…</translation>
    </message>
    <message>
        <source>no models yet</source>
        <translation>inga modeller än</translation>
    </message>
    <message>
        <source>(still loading its model)</source>
        <translation>(läser fortfarande in sin modell)</translation>
    </message>
    <message>
        <source>Choose one to use it.</source>
        <translation>Välj en för att använda den.</translation>
    </message>
    <message>
        <source>No language-model server answers on this computer. The built-in summariser works without one.</source>
        <translation>Ingen språkmodellserver svarar på den här datorn. Den inbyggda sammanfattningen fungerar utan.</translation>
    </message>
    <message>
        <source>Looking for servers did not work.</source>
        <translation>Sökningen efter servrar fungerade inte.</translation>
    </message>
    <message>
        <source>A .gguf model file</source>
        <translation>En .gguf-modellfil</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF-modeller (*.gguf)</translation>
    </message>
    <message>
        <source>Minuta only uses a language model on this computer. Use an address such as http://127.0.0.1:11434.</source>
        <translation>Minuta använder bara en språkmodell på den här datorn. Använd en adress som http://127.0.0.1:11434.</translation>
    </message>
</context>
<context>
    <name>SummaryTab</name>
    <message>
        <source>Kind of meeting</source>
        <translation>Typ av möte</translation>
    </message>
    <message>
        <source>What the summary should focus on</source>
        <translation>Vad sammanfattningen ska fokusera på</translation>
    </message>
    <message>
        <source>Meeting &amp;type:</source>
        <translation>Mötes&amp;typ:</translation>
    </message>
    <message>
        <source>&amp;Generate summary</source>
        <translation>&amp;Gör sammanfattning</translation>
    </message>
    <message>
        <source>Generate summary</source>
        <translation>Gör sammanfattning</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>A&amp;vbryt</translation>
    </message>
    <message>
        <source>Cancel the summary</source>
        <translation>Avbryt sammanfattningen</translation>
    </message>
    <message>
        <source>Stop and keep the earlier draft</source>
        <translation>Stoppa och behåll det tidigare utkastet</translation>
    </message>
    <message>
        <source>Summary progress</source>
        <translation>Sammanfattningens förlopp</translation>
    </message>
    <message>
        <source>Summary status</source>
        <translation>Sammanfattningens status</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>No summary yet. Choose the kind of meeting and press Generate.</source>
        <translation>Ingen sammanfattning än. Välj typ av möte och tryck på Gör sammanfattning.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>Left out of the summary</source>
        <translation>Utelämnat ur sammanfattningen</translation>
    </message>
    <message>
        <source>Sensitive topics are not summarised. Click a time to hear the line.</source>
        <translation>Känsliga ämnen sammanfattas inte. Klicka på en tid för att höra raden.</translation>
    </message>
    <message>
        <source>Follow-up e-mail</source>
        <translation>Uppföljningsmejl</translation>
    </message>
    <message>
        <source>How this summary was made</source>
        <translation>Hur sammanfattningen gjordes</translation>
    </message>
    <message>
        <source>Ask this meeting</source>
        <translation>Fråga mötet</translation>
    </message>
    <message>
        <source>The summary could not be read ({reason}).</source>
        <translation>Sammanfattningen kunde inte läsas ({reason}).</translation>
    </message>
    <message>
        <source>The transcript has changed since this draft was made: its quotes were checked again. Generate again to draft from the new transcript.</source>
        <translation>Transkriptionen har ändrats sedan utkastet gjordes: citaten har kontrollerats igen. Generera igen för att göra ett utkast från den nya transkriptionen.</translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1 rad</translation>
    </message>
    <message>
        <source>{count} lines</source>
        <translation>{count} rader</translation>
    </message>
    <message>
        <source>Left out of the summary: {topics} ({lines})</source>
        <translation>Utelämnat ur sammanfattningen: {topics} ({lines})</translation>
    </message>
    <message>
        <source>sensitive topics</source>
        <translation>känsliga ämnen</translation>
    </message>
    <message>
        <source>Your change could not be saved ({reason}).</source>
        <translation>Din ändring kunde inte sparas ({reason}).</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Stoppad.</translation>
    </message>
    <message>
        <source>Stopped. The earlier draft is kept.</source>
        <translation>Stoppad. Det tidigare utkastet finns kvar.</translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <source>Regenerate summary</source>
        <translation>Gör om sammanfattningen</translation>
    </message>
</context>
<context>
    <name>SummaryTexts</name>
    <message>
        <source>Decisions</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Uppgifter</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>Risker</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Nästa steg</translation>
    </message>
    <message>
        <source>CRM suggestions</source>
        <translation>Förslag till CRM</translation>
    </message>
    <message>
        <source>Sales discovery call</source>
        <translation>Första säljsamtal</translation>
    </message>
    <message>
        <source>Customer follow-up</source>
        <translation>Kunduppföljning</translation>
    </message>
    <message>
        <source>Recruiting interview</source>
        <translation>Anställningsintervju</translation>
    </message>
    <message>
        <source>Project status meeting</source>
        <translation>Projektstatusmöte</translation>
    </message>
    <message>
        <source>Internal meeting</source>
        <translation>Internt möte</translation>
    </message>
    <message>
        <source>Looking for a language model on this computer…</source>
        <translation>Letar efter en språkmodell på den här datorn…</translation>
    </message>
    <message>
        <source>Part {part} of {total}…</source>
        <translation>Del {part} av {total}…</translation>
    </message>
    <message>
        <source>Writing the summary…</source>
        <translation>Skriver sammanfattningen…</translation>
    </message>
    <message>
        <source>Putting the parts together…</source>
        <translation>Sätter ihop delarna…</translation>
    </message>
    <message>
        <source>Checking quotes…</source>
        <translation>Kontrollerar citat…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Klart.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbetar…</translation>
    </message>
    <message>
        <source>the built-in summariser</source>
        <translation>den inbyggda sammanfattningen</translation>
    </message>
    <message>
        <source>a local server</source>
        <translation>en lokal server</translation>
    </message>
    <message>
        <source>Drafted by {backend} · {template} · {date}</source>
        <translation>Skriven av {backend} · {template} · {date}</translation>
    </message>
    <message>
        <source>health</source>
        <translation>hälsa</translation>
    </message>
    <message>
        <source>religion</source>
        <translation>religion</translation>
    </message>
    <message>
        <source>union membership</source>
        <translation>fackmedlemskap</translation>
    </message>
    <message>
        <source>politics</source>
        <translation>politik</translation>
    </message>
    <message>
        <source>a legal dispute</source>
        <translation>en rättstvist</translation>
    </message>
    <message>
        <source>personal matters</source>
        <translation>personliga förhållanden</translation>
    </message>
    <message>
        <source>The quote was not found in the transcript. Check it before approving.</source>
        <translation>Citatet hittades inte i transkriptionen. Kontrollera det innan du godkänner.</translation>
    </message>
</context>
<context>
    <name>TargetPicker</name>
    <message>
        <source>Search the CRM</source>
        <translation>Sök i CRM-systemet</translation>
    </message>
    <message>
        <source>Name, e-mail address or company</source>
        <translation>Namn, e-postadress eller företag</translation>
    </message>
    <message>
        <source>Records found</source>
        <translation>Hittade poster</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Sökningens status</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Söker…</translation>
    </message>
    <message>
        <source>The search did not work: {reason}</source>
        <translation>Sökningen misslyckades: {reason}</translation>
    </message>
    <message>
        <source>Type a name or an e-mail address to search.</source>
        <translation>Skriv ett namn eller en e-postadress för att söka.</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation>Inga träffar för ”{query}”.</translation>
    </message>
</context>
<context>
    <name>TemplatesEditor</name>
    <message>
        <source>Meeting type to edit</source>
        <translation>Mötestyp att redigera</translation>
    </message>
    <message>
        <source>Meeting type name</source>
        <translation>Mötestypens namn</translation>
    </message>
    <message>
        <source>Instructions for the language model</source>
        <translation>Instruktioner till språkmodellen</translation>
    </message>
    <message>
        <source>&amp;Reset to built-in</source>
        <translation>Åt&amp;erställ till inbyggd</translation>
    </message>
    <message>
        <source>Reset this meeting type to the built-in one</source>
        <translation>Återställ mötestypen till den inbyggda</translation>
    </message>
    <message>
        <source>&amp;Edit meeting type:</source>
        <translation>&amp;Redigera mötestyp:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>&amp;Instructions:</source>
        <translation>&amp;Instruktioner:</translation>
    </message>
    <message>
        <source>The instructions tell a language model what matters in this kind of meeting. Rules that keep personal matters out always apply.</source>
        <translation>Instruktionerna talar om för en språkmodell vad som är viktigt i den här typen av möte. Regler som håller personliga förhållanden utanför gäller alltid.</translation>
    </message>
</context>
<context>
    <name>TranscriptList</name>
    <message>
        <source>Transcript</source>
        <translation>Transkription</translation>
    </message>
    <message>
        <source>Click a line to play it; double-click or F2 to correct it</source>
        <translation>Klicka på en rad för att spela upp den; dubbelklicka eller tryck F2 för att rätta den</translation>
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <source>Me</source>
        <translation>Jag</translation>
    </message>
    <message>
        <source>Them</source>
        <translation>De andra</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Talare</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Recording, {time}</source>
        <translation>Spelar in, {time}</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Spelar in</translation>
    </message>
    <message>
        <source>Recording paused at {time}</source>
        <translation>Inspelningen är pausad vid {time}</translation>
    </message>
    <message>
        <source>Recording paused</source>
        <translation>Inspelningen är pausad</translation>
    </message>
    <message>
        <source>Writing the transcript</source>
        <translation>Skriver transkriptionen</translation>
    </message>
    <message>
        <source>Not recording</source>
        <translation>Spelar inte in</translation>
    </message>
    <message>
        <source>Minuta: {status}</source>
        <translation>Minuta: {status}</translation>
    </message>
    <message>
        <source>Start &amp;Quick Recording</source>
        <translation>Starta &amp;snabbinspelning</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsätt</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausa</translation>
    </message>
    <message>
        <source>Add &amp;Highlight</source>
        <translation>Lägg till &amp;markering</translation>
    </message>
    <message>
        <source>&amp;Stop Recording</source>
        <translation>&amp;Stoppa inspelning</translation>
    </message>
    <message>
        <source>&amp;Open Minuta</source>
        <translation>&amp;Öppna Minuta</translation>
    </message>
    <message>
        <source>Q&amp;uit Minuta</source>
        <translation>&amp;Avsluta Minuta</translation>
    </message>
    <message>
        <source>Start Minuta at &amp;Login</source>
        <translation>Starta Minuta vid &amp;inloggning</translation>
    </message>
    <message>
        <source>Start Minuta in the tray when you log in to this computer</source>
        <translation>Starta Minuta i meddelandefältet när du loggar in på den här datorn</translation>
    </message>
    <message>
        <source>Minuta could not set itself to start when you log in.</source>
        <translation>Minuta kunde inte ställa in sig att starta när du loggar in.</translation>
    </message>
    <message>
        <source>Minuta could not stop itself from starting when you log in.</source>
        <translation>Minuta kunde inte stänga av start vid inloggning.</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Starta vid inloggning</translation>
    </message>
    <message>
        <source>The system did not allow the change ({reason}). Nothing else was changed, and your meetings are not affected. You can try again from this menu.</source>
        <translation>Systemet tillät inte ändringen ({reason}). Inget annat ändrades och dina möten påverkas inte. Du kan försöka igen från den här menyn.</translation>
    </message>
    <message>
        <source>Start at login could not be changed</source>
        <translation>Start vid inloggning kunde inte ändras</translation>
    </message>
</context>
<context>
    <name>UnexpectedErrors</name>
    <message>
        <source>Minuta</source>
        <translation>Minuta</translation>
    </message>
    <message>
        <source>Something unexpected went wrong</source>
        <translation>Något oväntat gick fel</translation>
    </message>
    <message>
        <source>Something unexpected went wrong.</source>
        <translation>Något oväntat gick fel.</translation>
    </message>
    <message>
        <source>Minuta has not deleted anything, and your meetings are safe. You can go on working; if something does not respond, quit Minuta and start it again. If this keeps happening, please report it.</source>
        <translation>Minuta har inte raderat något och dina möten är i säkerhet. Du kan fortsätta arbeta; om något inte svarar, avsluta Minuta och starta den igen. Om det fortsätter att hända, rapportera det gärna.</translation>
    </message>
</context>
<context>
    <name>WarningBanner</name>
    <message>
        <source>Recording messages</source>
        <translation>Meddelanden om inspelningen</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Dölj</translation>
    </message>
    <message>
        <source>Dismiss the messages</source>
        <translation>Dölj meddelandena</translation>
    </message>
    <message>
        <source>Hide these messages (Alt+D)</source>
        <translation>Dölj de här meddelandena (Alt+D)</translation>
    </message>
</context>
<context>
    <name>WordStrip</name>
    <message>
        <source>Words of the selected line</source>
        <translation>Orden på den valda raden</translation>
    </message>
    <message>
        <source>Click a word to play from it</source>
        <translation>Klicka på ett ord för att spela upp därifrån</translation>
    </message>
</context>
<context>
    <name>_LineDelegate</name>
    <message>
        <source>Correct this line</source>
        <translation>Rätta den här raden</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Minuta is already running, but it does not answer. Wait a moment and start it again. If that does not help, log out and back in.</source>
        <translation>Minuta körs redan men svarar inte. Vänta en stund och starta den igen. Om det inte hjälper, logga ut och in igen.</translation>
    </message>
</context>
</TS>
