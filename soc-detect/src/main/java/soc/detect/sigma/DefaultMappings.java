package soc.detect.sigma;

/**
 * The default field mapping and logsource routing of the platform, as data (YAML, same format as a custom mapping
 * file, see docs/sigma.md). Sources: the Sigma taxonomy appendix (Windows channels and Sysmon event ids), the
 * SigmaHQ logsource guides (Security 4688 for process_creation) and the platform's event conventions
 * ({@code winlog.*} for Windows, ECS names elsewhere, {@code ot.*} for OT).
 */
final class DefaultMappings {
    private DefaultMappings() {
    }

    static final String YAML = """
            # ---------------------------------------------------------------------------------------------
            # fields: Sigma field name -> candidate event keys (the first key present in the event wins).
            # Entries apply to rules whose logsource has all the given attributes; more specific entries
            # (more attributes) win per field. 'fallback' patterns ({field} = the Sigma name) are used for
            # fields no 'map' entry names; the most specific fallback wins.
            # ---------------------------------------------------------------------------------------------
            fields:
              - logsource: {}
                fallback: ['{field}']
              - logsource: {product: windows}
                fallback: ['winlog.event_data.{field}', 'winlog.user_data.{field}', '{field}']
                map:
                  EventID: [winlog.event_id, event.code]
                  Channel: [winlog.channel]
                  Provider_Name: [winlog.provider_name]
                  Computer: [winlog.computer_name, host.name]
                  Security_UserID: [winlog.user.identifier]
                  CommandLine: [winlog.event_data.CommandLine, process.command_line]
                  Image: [winlog.event_data.Image, process.executable]
                  ParentImage: [winlog.event_data.ParentImage, process.parent.executable]
                  ParentCommandLine: [winlog.event_data.ParentCommandLine, process.parent.command_line]
                  OriginalFileName: [winlog.event_data.OriginalFileName, process.pe.original_file_name]
                  CurrentDirectory: [winlog.event_data.CurrentDirectory, process.working_directory]
                  User: [winlog.event_data.User, user.name]
                  TargetFilename: [winlog.event_data.TargetFilename, file.path]
                  ImageLoaded: [winlog.event_data.ImageLoaded, dll.path]
                  DestinationIp: [winlog.event_data.DestinationIp, destination.ip]
                  DestinationPort: [winlog.event_data.DestinationPort, destination.port]
                  DestinationHostname: [winlog.event_data.DestinationHostname, destination.domain]
                  SourceIp: [winlog.event_data.SourceIp, source.ip]
                  SourcePort: [winlog.event_data.SourcePort, source.port]
                  QueryName: [winlog.event_data.QueryName, dns.question.name]
                  TargetObject: [winlog.event_data.TargetObject, registry.path]
                  Details: [winlog.event_data.Details, registry.data.strings]
                  ScriptBlockText: [winlog.event_data.ScriptBlockText, powershell.file.script_block_text]
              - logsource: {product: windows, category: process_creation}
                map:
                  # Security 4688 names the new and the parent process NewProcessName / ParentProcessName
                  Image: [winlog.event_data.Image, winlog.event_data.NewProcessName, process.executable]
                  ParentImage: [winlog.event_data.ParentImage, winlog.event_data.ParentProcessName, process.parent.executable]
                  LogonId: [winlog.event_data.LogonId, winlog.event_data.SubjectLogonId]
              - logsource: {product: windows, service: windefend}
                # Defender EventData names contain spaces; Sigma strips them ("Source Name" -> SourceName)
                map:
                  SourceName: [winlog.event_data.SourceName, 'winlog.event_data.Source Name']
                  ProcessName: [winlog.event_data.ProcessName, 'winlog.event_data.Process Name']
                  ThreatName: [winlog.event_data.ThreatName, 'winlog.event_data.Threat Name']
                  NewValue: [winlog.event_data.NewValue, 'winlog.event_data.New Value']
                  OldValue: [winlog.event_data.OldValue, 'winlog.event_data.Old Value']
                  Feature_Name: [winlog.event_data.Feature_Name, 'winlog.event_data.Feature Name']
                  DetectionUser: [winlog.event_data.DetectionUser, 'winlog.event_data.Detection User']
                  SeverityName: [winlog.event_data.SeverityName, 'winlog.event_data.Severity Name']
                  CategoryName: [winlog.event_data.CategoryName, 'winlog.event_data.Category Name']
                  ActionName: [winlog.event_data.ActionName, 'winlog.event_data.Action Name']
              - logsource: {product: linux}
                map: &unix
                  Image: [process.executable, Image]
                  CommandLine: [process.command_line, CommandLine]
                  ParentImage: [process.parent.executable, ParentImage]
                  ParentCommandLine: [process.parent.command_line, ParentCommandLine]
                  CurrentDirectory: [process.working_directory, CurrentDirectory]
                  User: [user.name, User]
                  ProcessId: [process.pid, ProcessId]
                  ParentProcessId: [process.parent.pid, ParentProcessId]
                  TargetFilename: [file.path, TargetFilename]
                  DestinationIp: [destination.ip, DestinationIp]
                  DestinationPort: [destination.port, DestinationPort]
                  DestinationHostname: [destination.domain, DestinationHostname]
                  SourceIp: [source.ip, SourceIp]
                  SourcePort: [source.port, SourcePort]
              - logsource: {product: macos}
                map: *unix
              - logsource: {category: proxy}
                map:
                  c-uri: [url.original, c-uri]
                  c-uri-query: [url.query, c-uri-query]
                  c-uri-stem: [url.path, c-uri-stem]
                  c-uri-extension: [url.extension, c-uri-extension]
                  c-useragent: [user_agent.original, c-useragent]
                  cs-host: [url.domain, destination.domain, cs-host]
                  r-dns: [url.domain, destination.domain, r-dns]
                  cs-method: [http.request.method, cs-method]
                  cs-referrer: [http.request.referrer, cs-referrer]
                  cs-cookie: [http.request.cookie, cs-cookie]
                  cs-version: [http.version, cs-version]
                  sc-status: [http.response.status_code, sc-status]
                  cs-bytes: [http.request.bytes, cs-bytes]
                  sc-bytes: [http.response.bytes, sc-bytes]
                  src_ip: [source.ip, src_ip]
                  dst_ip: [destination.ip, dst_ip]
              - logsource: {category: webserver}
                map:
                  c-ip: [source.ip, c-ip]
                  s-ip: [destination.ip, s-ip]
                  s-port: [destination.port, s-port]
                  cs-username: [user.name, cs-username]
                  cs-method: [http.request.method, cs-method]
                  cs-uri-stem: [url.path, cs-uri-stem]
                  cs-uri-query: [url.query, cs-uri-query]
                  cs-uri: [url.original, cs-uri]
                  sc-status: [http.response.status_code, sc-status]
                  cs-user-agent: [user_agent.original, cs-user-agent]
                  cs-referer: [http.request.referrer, cs-referer]
                  cs-host: [url.domain, cs-host]
                  cs-version: [http.version, cs-version]
              - logsource: {category: firewall}
                map:
                  src_ip: [source.ip, src_ip]
                  src_port: [source.port, src_port]
                  dst_ip: [destination.ip, dst_ip]
                  dst_port: [destination.port, dst_port]
                  username: [user.name, username]
              - logsource: {category: dns}
                map:
                  query: [dns.question.name, query]
                  answer: [dns.answers.data, answer]
                  record_type: [dns.question.type, record_type]
                  src_ip: [source.ip, src_ip]
                  dst_ip: [destination.ip, dst_ip]
              - logsource: {product: zeek}
                map:
                  id.orig_h: [source.ip, id.orig_h]
                  id.orig_p: [source.port, id.orig_p]
                  id.resp_h: [destination.ip, id.resp_h]
                  id.resp_p: [destination.port, id.resp_p]
                  query: [dns.question.name, query]
                  qtype_name: [dns.question.type, qtype_name]
                  uri: [url.original, uri]
                  user_agent: [user_agent.original, user_agent]
                  method: [http.request.method, method]
                  status_code: [http.response.status_code, status_code]
              # Zeek rules name the log's own fields (e.g. dns 'Z', 'answers', 'AA'); the normaliser keeps every
              # original field as zeek.<path>.<field>, and a rule's service is the Zeek log path. Without this,
              # 'Z: 0' looked for a key 'Z' no event has, so 'not Z: 0' held for every dns record.
              - logsource: {product: zeek, service: dns}
                fallback: ['zeek.dns.{field}', '{field}']
              - logsource: {product: zeek, service: http}
                fallback: ['zeek.http.{field}', '{field}']
              - logsource: {product: zeek, service: smb_files}
                fallback: ['zeek.smb_files.{field}', '{field}']
              - logsource: {product: zeek, service: dce_rpc}
                fallback: ['zeek.dce_rpc.{field}', '{field}']
              - logsource: {product: zeek, service: kerberos}
                fallback: ['zeek.kerberos.{field}', '{field}']
              - logsource: {product: zeek, service: rdp}
                fallback: ['zeek.rdp.{field}', '{field}']
              - logsource: {product: zeek, service: x509}
                fallback: ['zeek.x509.{field}', '{field}']

            # ---------------------------------------------------------------------------------------------
            # logsources: when does an event belong to a Sigma logsource? 'when' is a Sigma selection over
            # event keys (map = AND, list of maps = OR, usual modifiers, case-insensitive). A rule applies to
            # an event when the event satisfies its product entry AND its category entry AND its service
            # entry. Category/service entries are looked up as {product, category} then {category} alone.
            # Parts without an entry follow the event.dataset convention (see docs/sigma.md).
            # ---------------------------------------------------------------------------------------------
            logsources:
              - logsource: {product: windows}
                when:
                  - winlog.channel|exists: true
                  - host.os.type: windows
                    event.dataset|startswith: 'windows.'
              # Sysmon-based generic categories (taxonomy appendix), plus Security 4688 for process_creation
              - {logsource: {product: windows, category: process_creation}, when: [{winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 1}, {winlog.channel: Security, winlog.event_id: 4688}]}
              - {logsource: {product: windows, category: file_change}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 2}}
              - {logsource: {product: windows, category: network_connection}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 3}}
              - {logsource: {product: windows, category: sysmon_status}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: [4, 16]}}
              - {logsource: {product: windows, category: process_termination}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 5}}
              - {logsource: {product: windows, category: driver_load}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 6}}
              - {logsource: {product: windows, category: image_load}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 7}}
              - {logsource: {product: windows, category: create_remote_thread}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 8}}
              - {logsource: {product: windows, category: raw_access_thread}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 9}}
              - {logsource: {product: windows, category: process_access}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 10}}
              - {logsource: {product: windows, category: file_event}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 11}}
              - {logsource: {product: windows, category: registry_event}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: [12, 13, 14]}}
              - {logsource: {product: windows, category: registry_add}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 12}}
              - {logsource: {product: windows, category: registry_delete}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 12}}
              - {logsource: {product: windows, category: registry_set}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 13}}
              - {logsource: {product: windows, category: registry_rename}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 14}}
              - {logsource: {product: windows, category: create_stream_hash}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 15}}
              - {logsource: {product: windows, category: pipe_created}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: [17, 18]}}
              - {logsource: {product: windows, category: wmi_event}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: [19, 20, 21]}}
              - {logsource: {product: windows, category: dns_query}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 22}}
              - {logsource: {product: windows, category: file_delete}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: [23, 26]}}
              - {logsource: {product: windows, category: clipboard_capture}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 24}}
              - {logsource: {product: windows, category: process_tampering}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 25}}
              - {logsource: {product: windows, category: file_delete_detected}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 26}}
              - {logsource: {product: windows, category: file_block_executable}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 27}}
              - {logsource: {product: windows, category: file_block_shredding}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 28}}
              - {logsource: {product: windows, category: file_executable_detected}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 29}}
              - {logsource: {product: windows, category: sysmon_error}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational, winlog.event_id: 255}}
              - {logsource: {product: windows, category: file_access}, when: {winlog.provider_name: Microsoft-Windows-Kernel-File}}
              - {logsource: {product: windows, category: file_rename}, when: {winlog.provider_name: Microsoft-Windows-Kernel-File}}
              - {logsource: {product: windows, category: ps_classic_start}, when: {winlog.channel: Windows PowerShell, winlog.event_id: 400}}
              - {logsource: {product: windows, category: ps_classic_provider_start}, when: {winlog.channel: Windows PowerShell, winlog.event_id: 600}}
              - {logsource: {product: windows, category: ps_classic_script}, when: {winlog.channel: Windows PowerShell, winlog.event_id: 800}}
              - {logsource: {product: windows, category: ps_module}, when: {winlog.channel: [Microsoft-Windows-PowerShell/Operational, PowerShellCore/Operational], winlog.event_id: 4103}}
              - {logsource: {product: windows, category: ps_script}, when: {winlog.channel: [Microsoft-Windows-PowerShell/Operational, PowerShellCore/Operational], winlog.event_id: 4104}}
              # Windows services: one event log channel each (taxonomy appendix)
              - {logsource: {product: windows, service: application}, when: {winlog.channel: Application}}
              - {logsource: {product: windows, service: application-experience}, when: {winlog.channel: [Microsoft-Windows-Application-Experience/Program-Telemetry, Microsoft-Windows-Application-Experience/Program-Compatibility-Assistant]}}
              - {logsource: {product: windows, service: applocker}, when: {winlog.channel: [Microsoft-Windows-AppLocker/MSI and Script, Microsoft-Windows-AppLocker/EXE and DLL, Microsoft-Windows-AppLocker/Packaged app-Deployment, Microsoft-Windows-AppLocker/Packaged app-Execution]}}
              - {logsource: {product: windows, service: appmodel-runtime}, when: {winlog.channel: Microsoft-Windows-AppModel-Runtime/Admin}}
              - {logsource: {product: windows, service: appxdeployment-server}, when: {winlog.channel: Microsoft-Windows-AppXDeploymentServer/Operational}}
              - {logsource: {product: windows, service: appxpackaging-om}, when: {winlog.channel: Microsoft-Windows-AppxPackaging/Operational}}
              - {logsource: {product: windows, service: bitlocker}, when: {winlog.channel: Microsoft-Windows-BitLocker/BitLocker Management}}
              - {logsource: {product: windows, service: bits-client}, when: {winlog.channel: Microsoft-Windows-Bits-Client/Operational}}
              - {logsource: {product: windows, service: capi2}, when: {winlog.channel: Microsoft-Windows-CAPI2/Operational}}
              - {logsource: {product: windows, service: certificateservicesclient-lifecycle-system}, when: {winlog.channel: Microsoft-Windows-CertificateServicesClient-Lifecycle-System/Operational}}
              - {logsource: {product: windows, service: codeintegrity-operational}, when: {winlog.channel: Microsoft-Windows-CodeIntegrity/Operational}}
              - {logsource: {product: windows, service: dhcp}, when: {winlog.channel: Microsoft-Windows-DHCP-Server/Operational}}
              - {logsource: {product: windows, service: diagnosis-scripted}, when: {winlog.channel: Microsoft-Windows-Diagnosis-Scripted/Operational}}
              - {logsource: {product: windows, service: dns-client}, when: {winlog.channel: Microsoft-Windows-DNS Client Events/Operational}}
              - {logsource: {product: windows, service: dns-server}, when: {winlog.channel: DNS Server}}
              - {logsource: {product: windows, service: dns-server-analytic}, when: {winlog.channel: Microsoft-Windows-DNS-Server/Analytical}}
              - {logsource: {product: windows, service: dns-server-audit}, when: {winlog.channel: Microsoft-Windows-DNS-Server/Audit}}
              - {logsource: {product: windows, service: driver-framework}, when: {winlog.channel: Microsoft-Windows-DriverFrameworks-UserMode/Operational}}
              - {logsource: {product: windows, service: firewall-as}, when: {winlog.channel: Microsoft-Windows-Windows Firewall With Advanced Security/Firewall}}
              - {logsource: {product: windows, service: hyper-v-worker}, when: {winlog.channel: Microsoft-Windows-Hyper-V-Worker}}
              - {logsource: {product: windows, service: iis-configuration}, when: {winlog.channel: Microsoft-IIS-Configuration/Operational}}
              - {logsource: {product: windows, service: kernel-event-tracing}, when: {winlog.channel: Microsoft-Windows-Kernel-EventTracing}}
              - {logsource: {product: windows, service: kernel-shimengine}, when: {winlog.channel: [Microsoft-Windows-Kernel-ShimEngine/Operational, Microsoft-Windows-Kernel-ShimEngine/Diagnostic]}}
              - {logsource: {product: windows, service: ldap}, when: {winlog.channel: Microsoft-Windows-LDAP-Client/Debug}}
              - {logsource: {product: windows, service: lsa-server}, when: {winlog.channel: Microsoft-Windows-LSA/Operational}}
              - {logsource: {product: windows, service: microsoft-servicebus-client}, when: {winlog.channel: [Microsoft-ServiceBus-Client/Operational, Microsoft-ServiceBus-Client/Admin]}}
              - {logsource: {product: windows, service: msexchange-management}, when: {winlog.channel: MSExchange Management}}
              - {logsource: {product: windows, service: ntfs}, when: {winlog.channel: Microsoft-Windows-Ntfs/Operational}}
              - {logsource: {product: windows, service: ntlm}, when: {winlog.channel: Microsoft-Windows-NTLM/Operational}}
              - {logsource: {product: windows, service: openssh}, when: {winlog.channel: OpenSSH/Operational}}
              - {logsource: {product: windows, service: powershell}, when: {winlog.channel: Microsoft-Windows-PowerShell/Operational}}
              - {logsource: {product: windows, service: powershell-classic}, when: {winlog.channel: Windows PowerShell}}
              - {logsource: {product: windows, service: printservice-admin}, when: {winlog.channel: Microsoft-Windows-PrintService/Admin}}
              - {logsource: {product: windows, service: printservice-operational}, when: {winlog.channel: Microsoft-Windows-PrintService/Operational}}
              - {logsource: {product: windows, service: security}, when: {winlog.channel: Security}}
              - {logsource: {product: windows, service: security-mitigations}, when: {winlog.channel: [Microsoft-Windows-Security-Mitigations/Kernel Mode, Microsoft-Windows-Security-Mitigations/User Mode]}}
              - {logsource: {product: windows, service: sense}, when: {winlog.channel: Microsoft-Windows-SENSE/Operational}}
              - {logsource: {product: windows, service: servicebus-client}, when: {winlog.channel: [Microsoft-ServiceBus-Client/Operational, Microsoft-ServiceBus-Client/Admin]}}
              - {logsource: {product: windows, service: shell-core}, when: {winlog.channel: Microsoft-Windows-Shell-Core/Operational}}
              - {logsource: {product: windows, service: smbclient-connectivity}, when: {winlog.channel: Microsoft-Windows-SmbClient/Connectivity}}
              - {logsource: {product: windows, service: smbclient-security}, when: {winlog.channel: Microsoft-Windows-SmbClient/Security}}
              - {logsource: {product: windows, service: smbserver-connectivity}, when: {winlog.channel: Microsoft-Windows-SMBServer/Connectivity}}
              - {logsource: {product: windows, service: sysmon}, when: {winlog.channel: Microsoft-Windows-Sysmon/Operational}}
              - {logsource: {product: windows, service: system}, when: {winlog.channel: System}}
              - {logsource: {product: windows, service: taskscheduler}, when: {winlog.channel: Microsoft-Windows-TaskScheduler/Operational}}
              - {logsource: {product: windows, service: terminalservices-localsessionmanager}, when: {winlog.channel: Microsoft-Windows-TerminalServices-LocalSessionManager/Operational}}
              - {logsource: {product: windows, service: vhdmp}, when: {winlog.channel: Microsoft-Windows-VHDMP/Operational}}
              - {logsource: {product: windows, service: windefend}, when: {winlog.channel: Microsoft-Windows-Windows Defender/Operational}}
              - {logsource: {product: windows, service: wmi}, when: {winlog.channel: Microsoft-Windows-WMI-Activity/Operational}}
              # Linux / macOS: ECS host.os.type, or a dataset named after the product
              - {logsource: {product: linux}, when: [{host.os.type: linux}, {event.dataset|startswith: 'linux.'}, {event.module: [linux, auditd]}]}
              - {logsource: {product: linux, category: process_creation}, when: [{event.category: process, event.type: start}, {event.dataset: linux.process_creation}]}
              - {logsource: {product: linux, category: file_event}, when: [{event.category: file, event.type: creation}, {event.dataset: linux.file_event}]}
              - {logsource: {product: linux, category: network_connection}, when: [{event.category: network, event.type: start}, {event.dataset: linux.network_connection}]}
              - {logsource: {product: linux, service: auditd}, when: [{event.module: auditd}, {event.dataset: [auditd.log, linux.auditd]}]}
              - {logsource: {product: macos}, when: [{host.os.type: macos}, {event.dataset|startswith: 'macos.'}]}
              - {logsource: {product: macos, category: process_creation}, when: [{event.category: process, event.type: start}, {event.dataset: macos.process_creation}]}
              - {logsource: {product: macos, category: file_event}, when: [{event.category: file, event.type: creation}, {event.dataset: macos.file_event}]}
              # generic network categories (taxonomy: network/connection and network/dns use ECS names)
              - {logsource: {category: network}, when: [{network.transport|exists: true}, {network.protocol|exists: true}]}
              - {logsource: {category: dns}, when: [{dns.question.name|exists: true}, {event.dataset: dns}, {event.dataset|endswith: '.dns'}]}
              # OT extension (no SigmaHQ rules; for custom rules): product ot, service = ot.protocol
              - {logsource: {product: ot}, when: {ot.protocol|exists: true}}
            """;
}
