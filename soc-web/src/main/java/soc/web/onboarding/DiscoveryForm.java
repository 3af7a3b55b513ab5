package soc.web.onboarding;

import soc.tenants.discovery.DiscoveryAnswers;
import soc.tenants.discovery.Logging;
import soc.tenants.discovery.MfaCoverage;
import soc.tenants.discovery.OutOfHours;
import soc.tenants.discovery.RestoreTest;

/** The discovery questionnaire as a form (and as the JSON body of the REST API). */
public class DiscoveryForm {
    private String firewallVendor;
    private String edrProduct;
    private String siemProduct;
    private Logging windowsAd;
    private Logging m365Entra;
    private Logging dns;
    private Logging proxy;
    private Logging vpn;
    private Logging emailGateway;
    private MfaCoverage mfa;
    private Boolean offlineBackups;
    private RestoreTest restoreTested;
    private Boolean otPresent;
    private Boolean plcScada;
    private Boolean historian;
    private Boolean otSensor;
    private OutOfHours outOfHours;
    private Integer securityStaff;

    public static DiscoveryForm of(DiscoveryAnswers a) {
        DiscoveryForm f = new DiscoveryForm();
        f.firewallVendor = a.firewallVendor();
        f.edrProduct = a.edrProduct();
        f.siemProduct = a.siemProduct();
        f.windowsAd = a.windowsAd();
        f.m365Entra = a.m365Entra();
        f.dns = a.dns();
        f.proxy = a.proxy();
        f.vpn = a.vpn();
        f.emailGateway = a.emailGateway();
        f.mfa = a.mfa();
        f.offlineBackups = a.offlineBackups();
        f.restoreTested = a.restoreTested();
        f.otPresent = a.otPresent();
        f.plcScada = a.plcScada();
        f.historian = a.historian();
        f.otSensor = a.otSensor();
        f.outOfHours = a.outOfHours();
        f.securityStaff = a.securityStaff();
        return f;
    }

    public DiscoveryAnswers toAnswers() {
        return new DiscoveryAnswers(trim(firewallVendor), trim(edrProduct), trim(siemProduct), windowsAd, m365Entra, dns,
                proxy, vpn, emailGateway, mfa, offlineBackups, restoreTested, otPresent, plcScada, historian, otSensor,
                outOfHours, securityStaff == null || securityStaff < 0 ? null : securityStaff);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getFirewallVendor() { return firewallVendor; }
    public void setFirewallVendor(String v) { firewallVendor = v; }
    public String getEdrProduct() { return edrProduct; }
    public void setEdrProduct(String v) { edrProduct = v; }
    public String getSiemProduct() { return siemProduct; }
    public void setSiemProduct(String v) { siemProduct = v; }
    public Logging getWindowsAd() { return windowsAd; }
    public void setWindowsAd(Logging v) { windowsAd = v; }
    public Logging getM365Entra() { return m365Entra; }
    public void setM365Entra(Logging v) { m365Entra = v; }
    public Logging getDns() { return dns; }
    public void setDns(Logging v) { dns = v; }
    public Logging getProxy() { return proxy; }
    public void setProxy(Logging v) { proxy = v; }
    public Logging getVpn() { return vpn; }
    public void setVpn(Logging v) { vpn = v; }
    public Logging getEmailGateway() { return emailGateway; }
    public void setEmailGateway(Logging v) { emailGateway = v; }
    public MfaCoverage getMfa() { return mfa; }
    public void setMfa(MfaCoverage v) { mfa = v; }
    public Boolean getOfflineBackups() { return offlineBackups; }
    public void setOfflineBackups(Boolean v) { offlineBackups = v; }
    public RestoreTest getRestoreTested() { return restoreTested; }
    public void setRestoreTested(RestoreTest v) { restoreTested = v; }
    public Boolean getOtPresent() { return otPresent; }
    public void setOtPresent(Boolean v) { otPresent = v; }
    public Boolean getPlcScada() { return plcScada; }
    public void setPlcScada(Boolean v) { plcScada = v; }
    public Boolean getHistorian() { return historian; }
    public void setHistorian(Boolean v) { historian = v; }
    public Boolean getOtSensor() { return otSensor; }
    public void setOtSensor(Boolean v) { otSensor = v; }
    public OutOfHours getOutOfHours() { return outOfHours; }
    public void setOutOfHours(OutOfHours v) { outOfHours = v; }
    public Integer getSecurityStaff() { return securityStaff; }
    public void setSecurityStaff(Integer v) { securityStaff = v; }
}
