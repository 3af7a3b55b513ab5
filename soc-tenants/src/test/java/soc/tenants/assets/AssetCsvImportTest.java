package soc.tenants.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import soc.tenants.assets.AssetCsvImport.LineError;
import soc.tenants.assets.AssetCsvImport.Parsed;
import soc.tenants.sources.Cidr;
import soc.tenants.sources.Criticality;

class AssetCsvImportTest {

    private static Parsed parse(String csv) throws Exception {
        return AssetCsvImport.parse(new StringReader(csv));
    }

    @Test
    void readsQuotedFieldsCommasQuotesAndLineBreaksInsideQuotes() throws Exception {
        Parsed parsed = parse("""
                name,addresses,type,criticality,purdue_level,zone,owner\r
                "PLC-1, line 3",10.1.1.5,PLC,CRITICAL,1,OT-cell-1,"Plant ""A"" team"\r
                hist01,"10.1.2.10;10.1.2.11; 2001:db8::/64",historian,high,3,OT-site,\r
                "multi
                line",192.0.2.0/24,SERVER,,,,
                """);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).extracting(AssetCsvImport.Row::line).containsExactly(2, 3, 4);
        AssetSpec plc = parsed.rows().get(0).spec();
        assertThat(plc.name()).isEqualTo("PLC-1, line 3");
        assertThat(plc.type()).isEqualTo(AssetType.PLC);
        assertThat(plc.criticality()).isEqualTo(Criticality.CRITICAL);
        assertThat(plc.purdueLevel()).isEqualTo(1);
        assertThat(plc.zone()).isEqualTo("OT-cell-1");
        assertThat(plc.owner()).isEqualTo("Plant \"A\" team");
        assertThat(plc.addresses()).containsExactly(Cidr.parse("10.1.1.5"));
        AssetSpec historian = parsed.rows().get(1).spec();
        assertThat(historian.addresses()).containsExactly(Cidr.parse("10.1.2.10"), Cidr.parse("10.1.2.11"),
                Cidr.parse("2001:db8::/64"));
        assertThat(historian.owner()).isNull();
        AssetSpec server = parsed.rows().get(2).spec();
        assertThat(server.name()).isEqualTo("multi\nline");
        assertThat(server.criticality()).isEqualTo(Criticality.MEDIUM);
        assertThat(server.purdueLevel()).isNull();
    }

    @Test
    void reportsEveryBadLineWithItsNumberAndKeepsTheGoodOnes() throws Exception {
        Parsed parsed = parse("""
                name,addresses,type,criticality,purdue_level,zone,owner
                plc-1,10.0.0.1,PCL,,,,
                ok-1,10.0.0.2,PLC,,1,,
                bad-ip,10.0.0.300,SERVER,,,,

                ,10.0.0.4,SERVER,,,,
                high-level,10.0.0.5,HMI,,7,,
                "quoted, note",10.0.0.6,hmi,,2,,
                crit,10.0.0.7,SERVER,HGH,,,
                too-many,10.0.0.8,SERVER,,,,,extra
                host-bits,10.0.0.1/8,SERVER,,,,
                ok-2,,Engineering workstation,low,2,OT,
                """);

        assertThat(parsed.rows()).extracting(row -> row.spec().name()).containsExactly("ok-1", "quoted, note", "ok-2");
        assertThat(parsed.rows()).extracting(AssetCsvImport.Row::line).containsExactly(3, 8, 12);
        assertThat(parsed.rows().get(2).spec().type()).isEqualTo(AssetType.ENGINEERING_WORKSTATION);
        assertThat(parsed.errors()).containsExactly(
                new LineError(2, "unknown type 'PCL' — did you mean PLC?"),
                new LineError(4, "invalid address: '10.0.0.300' is not an IPv4 address"),
                new LineError(6, "missing name"),
                new LineError(7, "purdue level 7 out of range 0-5"),
                new LineError(9, "unknown criticality 'HGH' — did you mean HIGH?"),
                new LineError(10, "8 values but the header has 7 columns: quote values that contain commas"),
                new LineError(11, "invalid address: 10.0.0.1/8 has host bits set: use 10.0.0.0/8"));
    }

    @Test
    void lineNumbersCountLineBreaksInsideQuotedValues() throws Exception {
        Parsed parsed = parse("name,addresses,type\n\"a\nb\nc\",10.0.0.1,SERVER\nx,10.0.0.2,NOPE\n");
        assertThat(parsed.errors()).extracting(LineError::line).containsExactly(5);
        assertThat(parsed.errors().get(0).reason()).startsWith("unknown type 'NOPE' (one of SERVER, WORKSTATION");
    }

    @Test
    void headerProblemsRefuseTheWholeFile() throws Exception {
        assertThat(parse("").errors()).extracting(LineError::reason)
                .singleElement().asString().startsWith("the file is empty");
        assertThat(parse("name,adresses,type\nx,10.0.0.1,SERVER\n").errors())
                .containsExactly(new LineError(1, "unknown column 'adresses' (columns: name,addresses,type,criticality,purdue_level,zone,owner)"));
        assertThat(parse("name;addresses;type\nx;10.0.0.1;SERVER\n").errors()).extracting(LineError::reason)
                .containsExactly("the header must be comma-separated: name,addresses,type,criticality,purdue_level,zone,owner");
        assertThat(parse("name,type\nx,SERVER\n").errors()).extracting(LineError::reason)
                .singleElement().asString().startsWith("the header has no column 'addresses'");
        assertThat(parse("name,type,addresses\nx,SERVER,10.0.0.1\n").rows()).hasSize(1);
    }

    @Test
    void columnsInAnyOrderWithByteOrderMarkAndUnclosedQuote() throws Exception {
        Parsed parsed = parse("\ufeffType,Name,Purdue Level,Addresses\nRTU,rtu-7,0,10.9.9.9\nPLC,\"broken,10.9.9.8\n");
        assertThat(parsed.rows()).singleElement().satisfies(row -> {
            assertThat(row.spec().name()).isEqualTo("rtu-7");
            assertThat(row.spec().type()).isEqualTo(AssetType.RTU);
            assertThat(row.spec().purdueLevel()).isZero();
        });
        assertThat(parsed.errors()).containsExactly(new LineError(3, "a quoted value is not closed (a \" is missing)"));
    }

    @Test
    void suggestionsAreOnlyForTypos() {
        assertThat(AssetSpec.suggest("PCL", AssetType.values())).isEqualTo("PLC");
        assertThat(AssetSpec.suggest("SEVRER", AssetType.values())).isEqualTo("SERVER");
        assertThat(AssetSpec.suggest("TOASTER", AssetType.values())).isNull();
        assertThat(List.of(AssetType.values())).filteredOn(AssetType::isOt).extracting(AssetType::name)
                .containsExactly("PLC", "HMI", "RTU", "ENGINEERING_WORKSTATION", "HISTORIAN", "SCADA_SERVER", "SAFETY_SYSTEM");
    }
}
